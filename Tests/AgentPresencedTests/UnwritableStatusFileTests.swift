import BrevoStandIn
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A status file that cannot be written must not stop the pings; the error is logged once.
@Suite struct UnwritableStatusFileTests {
    @Test func theDaemonKeepsPingingAndLogsTheWriteErrorOnce() async throws {
        let folder = try TemporaryFolder()
        let standIn = try await BrevoStandIn.start(apiKey: "k")
        let notify = try NotifySocket()
        try folder.write("key", "k\n")
        let config = try folder.write("config.yaml", """
            brevo:
              base_url: \(standIn.baseURL)
              api_key_file: \(folder.path)/key
            ping:
              interval: 1s
              jitter: 100ms
              timeout: 500ms
              presence_window: 3s
            status_file: /proc/agent-presenced-cannot-write-here/status.json
            agents:
              - id: keeps-going
            """, mode: 0o644)
        let (process, _, err) = try DaemonBinary.start(["run", "--config", config], environment: ["NOTIFY_SOCKET": notify.path])
        #expect(notify.waitFor { $0.contains("READY=1") } != nil)
        let deadline = ContinuousClock.now + .seconds(20)
        while standIn.requests.count < 4, ContinuousClock.now < deadline { usleep(50_000) }
        kill(process.processIdentifier, SIGTERM)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try await standIn.shutdown()
        #expect(standIn.requests.count >= 4)
        #expect(process.terminationStatus == 0)
        let writeErrors = log.components(separatedBy: "\n").filter { $0.contains("cannot write the status file;") }
        #expect(writeErrors.count == 1, "\(log)")
        #expect(writeErrors.first?.contains("/proc/agent-presenced-cannot-write-here") == true)
        _ = folder
    }
}
