import Foundation
import Testing

/// A `status_file` that points at a file not ours is a config error for `check` and `run`, and
/// the file stays as it was (issue 10, defect 3).
@Suite struct StatusFileTargetTests {
    enum Target: String, CaseIterable { case config, keyFile, foreignFile }

    @Test(arguments: Target.allCases)
    func checkAndRunRefuseAStatusFileThatIsNotOurs(target: Target) throws {
        let folder = try TemporaryFolder()
        let key = try folder.write("brevo-api-key", "test-key\n")
        let foreign = try folder.write("notes.txt", "precious notes\n", mode: 0o644)
        let configPath = folder.path + "/config.yaml"
        let statusPath = switch target {
        case .config: configPath
        case .keyFile: key
        case .foreignFile: foreign
        }
        try folder.write("config.yaml", """
            brevo:
              base_url: http://127.0.0.1:9
              api_key_file: \(key)
            status_file: \(statusPath)
            agents:
              - id: agent-a
            """, mode: 0o644)
        let before = try #require(FileManager.default.contents(atPath: statusPath))
        let mode = try FileManager.default.attributesOfItem(atPath: statusPath)[.posixPermissions] as? Int

        let check = try DaemonBinary.run(["check", "--config", configPath])
        #expect(check.status == 78, "\(check.stdout)\(check.stderr)")
        #expect(check.stderr.contains("config.yaml:4"), "\(check.stderr)")
        #expect(check.stderr.contains("status_file"), "\(check.stderr)")

        let run = try DaemonBinary.run(["run", "--config", configPath], environment: ["RUNTIME_DIRECTORY": folder.path + "/runtime"], timeout: .seconds(20))
        #expect(run.status == 78, "\(run.stderr)")
        #expect(FileManager.default.contents(atPath: statusPath) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: statusPath)[.posixPermissions] as? Int == mode)
    }
}
