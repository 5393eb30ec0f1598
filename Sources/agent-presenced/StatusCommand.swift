import ArgumentParser
import Foundation
import PresenceCore

/// `agent-presenced status`: asks the running daemon over its control socket (the status file
/// when the socket is not there, or when `--status-file` names one) and prints a table or the
/// JSON; with `--watch`, again every `--interval` seconds until Ctrl-C.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each agent's state, from the running daemon's control socket or its status file.",
        discussion: """
            With --watch the table is redrawn in place every --interval seconds, like watch(1), \
            with coloured states (unless NO_COLOR is set); when standard output is not a \
            terminal it prints one plain table per interval instead, separated by a blank line, \
            until Ctrl-C.
            """
    )

    /// The longest `--interval`: an hour.
    static let longestInterval = 3600.0
    /// `--interval`'s default, in seconds.
    static let defaultInterval = 2.0

    @OptionGroup var socket: ControlSocketOption

    @Option(help: ArgumentHelp("The status file (default: $RUNTIME_DIRECTORY/status.json, else /run/agent-presenced/status.json).", valueName: "path"))
    var statusFile: String?

    @Flag(help: "Print the status file's JSON instead of a table.")
    var json = false

    @Flag(help: "Refresh the table every --interval seconds until Ctrl-C.")
    var watch = false

    @Option(help: ArgumentHelp("Seconds between refreshes with --watch: more than 0, at most 3600 (default: 2).", valueName: "seconds"))
    var interval: Double?

    @Option(help: ArgumentHelp("Stop --watch after this many refreshes.", visibility: .hidden))
    var count: Int?

    func validate() throws {
        if watch, json { throw ValidationError("--watch prints tables; it cannot be combined with --json") }
        if !watch, interval != nil || count != nil { throw ValidationError("--interval and --count need --watch") }
        if let interval, !(interval > 0 && interval <= Self.longestInterval) {
            throw ValidationError("--interval must be more than 0 and at most \(Int(Self.longestInterval)) seconds")
        }
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
    }

    func run() async throws {
        let source = StatusSource(socketPath: socket.readSocket, statusFile: statusFile)
        if watch {
            await StatusWatch(source: source, interval: interval ?? Self.defaultInterval, count: count).run()
            return
        }
        switch await source.read() {
        case .success(let reading):
            print(reading)
        case .failure(let reason):
            Console.error(reason.message)
            throw ExitCode.failure
        }
    }

    private func print(_ reading: StatusSource.Reading) {
        if json {
            Console.out(String(decoding: reading.data, as: UTF8.self).trimmingCharacters(in: .newlines))
        } else {
            for line in StatusTable(document: reading.document).lines { Console.out(line) }
        }
    }
}
