import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

/// `status_file` may name only a new file or one of our status documents (issue 10, defect 3).
@Suite struct ConfigLoaderStatusFileTests {
    static func config(status: String, extra: String = "") -> String {
        "brevo:\n  api_key_file: key\n\(extra)status_file: \(status)\nagents:\n  - id: a\n"
    }

    @Test func aDropInAsStatusFileIsRefused() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "k")
        let dropIn = try folder.write("agents.d/more.yaml", "agents:\n  - id: b\n")
        let path = try folder.write("config.yaml", Self.config(status: dropIn, extra: "agents_dir: agents.d\n"))
        let issues = configLoadIssues(path)
        #expect(issues.map(\.keyPath) == ["status_file"])
        #expect(issues.first?.location == ConfigLocation(file: path, line: 4))
        #expect(issues.first?.message.contains("drop-in") == true, "\(issues)")
    }

    @Test func aNewYAMLFileInAgentsDirIsRefused() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "k")
        try folder.folder("agents.d")
        let path = try folder.write("config.yaml", Self.config(status: "agents.d/status.yaml", extra: "agents_dir: agents.d\n"))
        let issues = configLoadIssues(path)
        #expect(issues.map(\.keyPath) == ["status_file"])
        #expect(issues.first?.message.contains("agents_dir") == true, "\(issues)")
    }

    @Test func aSymbolicLinkToTheKeyFileIsRefusedAsTheKeyFile() throws {
        let folder = try ConfigTestFolder()
        let key = try folder.write("key", "k")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/status.json", withDestinationPath: key)
        let path = try folder.write("config.yaml", Self.config(status: "status.json"))
        let issues = configLoadIssues(path)
        #expect(issues.first?.message.contains("API key file") == true, "\(issues)")
    }

    @Test func aFolderOrAnEmptyFileIsRefused() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "k")
        try folder.folder("a-folder")
        try folder.write("empty.json", "")
        for status in ["a-folder", "empty.json"] {
            let path = try folder.write("config.yaml", Self.config(status: status))
            #expect(configLoadIssues(path).map(\.keyPath) == ["status_file"], "\(status)")
        }
    }

    @Test func aMissingFileOrOneOfOurStatusDocumentsIsAccepted() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "k")
        let document = StatusFileWriter.encode(StatusFileWriterTests.document(agents: 1, label: "x"))
        try document.write(to: URL(fileURLWithPath: folder.path + "/ours.json"))
        for status in ["new.json", "run/new.json", "ours.json"] {
            let path = try folder.write("config.yaml", Self.config(status: status))
            #expect(configLoadIssues(path).isEmpty, "\(status)")
        }
    }

    /// The writer's own guard, for a file that appears after the config was checked.
    @Test func theWriterNeverReplacesAFileThatIsNotAStatusDocument() throws {
        let folder = try ConfigTestFolder()
        let target = try folder.write("precious.txt", "keep me\n", mode: 0o600)
        let writer = StatusFileWriter(path: target)
        #expect(throws: AtomicFile.WriteError.self) { try writer.writeNow(StatusFileWriterTests.document(agents: 1, label: "x")) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["precious.txt"])

        let ours = StatusFileWriter(path: folder.path + "/status.json")
        try ours.writeNow(StatusFileWriterTests.document(agents: 1, label: "first"))
        try ours.writeNow(StatusFileWriterTests.document(agents: 1, label: "second"))
        #expect(try String(contentsOfFile: ours.path, encoding: .utf8).contains("second"))
    }
}
