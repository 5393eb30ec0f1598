import Foundation
import Testing

/// `status --watch` on a real pseudo-terminal (util-linux `script`): escapes and colour on a
/// terminal that can take them, none on a `TERM=dumb` one or with `NO_COLOR`.
extension StatusWatchTests {
    /// What the watch writes to a terminal whose `TERM` is `term`, with `extra` in its environment.
    static func onTerminal(term: String, extra: String = "") throws -> String {
        let folder = try TemporaryFolder()
        let file = try Self.statusFile(in: folder)
        // A clean environment: only what a terminal session has, no daemon's runtime folder.
        let command = "env -i PATH=/usr/bin:/bin TERM=\(term) \(extra) \(DaemonBinary.url.path) status --watch --count 1 --status-file \(file)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qc", command, "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aTerminalGetsRedrawsAndColourADumbOneNeither() throws {
        let xterm = try Self.onTerminal(term: "xterm")
        #expect(xterm.contains("\u{1B}[H"), "redrawn in place")
        #expect(xterm.contains("\u{1B}[32m"), "online in green: \(xterm)")
        let noColour = try Self.onTerminal(term: "xterm", extra: "NO_COLOR=1")
        #expect(noColour.contains("\u{1B}[H") && !noColour.contains("\u{1B}[32m"))
        let dumb = try Self.onTerminal(term: "dumb")
        #expect(!dumb.utf8.contains(0x1B), "\(dumb)")
        #expect(dumb.contains("Alice"))
    }
}
