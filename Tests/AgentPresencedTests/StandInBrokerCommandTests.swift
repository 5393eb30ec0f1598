import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `agent-presenced standin --broker-port`: a Broker stand-in beside the Brevo one, switched
/// down and up with `curl` through `PUT /_standin/broker-fault`, as the end-to-end test does.
@Suite struct StandInBrokerCommandTests {
    /// Runs curl with `arguments`; returns its exit status and standard output.
    private func curl(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-s", "--max-time", "10"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The port written to `path`, once it is there (at most 30 s).
    private func port(in path: String) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), let port = Int(text) { return port }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CancellationError()
    }

    @Test func brokerStandInIsSwitchedDownAndUpWithCurl() async throws {
        let folder = try TemporaryFolder()
        try folder.write("brevo-key", "xkeysib-standin-0000\n")
        try folder.write("broker-key", "broker-standin-key-0000\n")
        try folder.write("client-secret", "client-standin-secret\n")
        let (process, _, err) = try DaemonBinary.start([
            "standin", "--port", "0", "--api-key-file", folder.path + "/brevo-key", "--port-file", folder.path + "/port",
            "--broker-port", "0", "--broker-api-key-file", folder.path + "/broker-key",
            "--broker-client-id", "presence", "--broker-client-secret-file", folder.path + "/client-secret",
            "--broker-port-file", folder.path + "/broker-port", "--broker-log", folder.path + "/broker.log",
            "--broker-fault", "down",
        ])
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        let brevoPort = try await port(in: folder.path + "/port")
        let brokerPort = try await port(in: folder.path + "/broker-port")
        let control = "http://127.0.0.1:\(brevoPort)/_standin/broker-fault"
        let token = "http://127.0.0.1:\(brokerPort)/auth/token"
        let form = "grant_type=client_credentials&client_id=presence&client_secret=client-standin-secret"

        // Down from the start: connection refused (curl's exit 7).
        #expect(try curl(["--data", form, token]).status == 7)
        #expect(try curl(["-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "--data-binary", "none", control]).output == "204")
        let issued = try curl(["--data", form, token])
        #expect(issued.status == 0)
        #expect(issued.output.contains("\"access_token\""))
        #expect(try curl(["-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "--data-binary", "bogus", control]).output == "400")
        #expect(try curl(["-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "--data-binary", "down", control]).output == "204")
        #expect(try curl(["--data", form, token]).status == 7)

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        let log = try String(contentsOfFile: folder.path + "/broker.log", encoding: .utf8)
        #expect(log.split(separator: "\n").count == 1)
        #expect(log.contains("\"kind\":\"token\",\"status\":200"))
        #expect(!log.contains("client-standin-secret"))
    }

    @Test func brokerOptionsNeedTheBrokerPort() throws {
        let folder = try TemporaryFolder()
        try folder.write("key", "k\n")
        let result = try DaemonBinary.run(["standin", "--api-key-file", folder.path + "/key", "--broker-api-key-file", folder.path + "/key"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--broker-api-key-file needs --broker-port"))
        let fault = try DaemonBinary.run([
            "standin", "--api-key-file", folder.path + "/key", "--broker-port", "0", "--broker-api-key-file", folder.path + "/key",
            "--broker-fault", "sideways",
        ])
        #expect(fault.status == 64)
        #expect(fault.stderr.contains("--broker-fault: cannot read 'sideways'"))
    }
}
