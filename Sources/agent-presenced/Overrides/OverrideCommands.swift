import ArgumentParser
import ControlAPI
import Foundation
import PresenceCore
import PresenceDaemon

/// `--for`, `--until` and `--reason`, shared by `away` and `online`.
struct OverrideOptions: ParsableArguments {
    @Argument(help: "The agent: its key, ID, email or a unique label.")
    var agent: String

    @Option(name: .customLong("for"), parsing: .unconditional, help: ArgumentHelp("How long the override holds, e.g. 45m or 1h30m.", valueName: "duration"))
    var duration: String?

    @Option(help: ArgumentHelp("When the override ends: RFC 3339, HH:MM or YYYY-MM-DD HH:MM (local time).", valueName: "time"))
    var until: String?

    @Option(help: ArgumentHelp("Why, for the status and the journal.", valueName: "text"))
    var reason: String?

    @OptionGroup var socket: ControlSocketOption

    /// Sets the override `mode` through the running daemon and prints what it did.
    func apply(_ mode: OverrideChange.Mode) async throws {
        let end: Date?
        do {
            end = try OverrideEnd.resolve(for: duration, until: until, now: Date())
        } catch {
            Console.error("\(error)")
            throw ExitCode.usage
        }
        let target = try await OverrideTarget.resolve(agent, socket: socket)
        var body: [String: String?] = ["mode": mode.rawValue, "until": end.map(RFC3339.string(from:))]
        if let reason { body["reason"] = reason }
        let bytes = Array(try JSONEncoder().encode(body))
        let answer = try await DaemonRequest.send("PUT", OverrideTarget.path(of: target.key), body: bytes, sockets: socket.changeSockets)
        let entry = try OverrideTarget.entry(from: answer)
        let untilText = end.map { " until \(RFC3339.string(from: $0))" } ?? " until cleared"
        switch mode {
        case .away:
            Console.out("\(AgentLookup.describe(entry)) is away\(untilText): no ping leaves for it now (state \(entry.state))")
        case .online:
            Console.out("\(AgentLookup.describe(entry)) is kept online\(untilText), also off shift (state \(entry.state))")
        }
    }
}

/// The agent an override command acts on, found through the running daemon.
enum OverrideTarget {
    /// The status entry of the agent `name` designates; an unknown or ambiguous name exits 64.
    static func resolve(_ name: String, socket: ControlSocketOption) async throws -> AgentStatus {
        let document = try await DaemonRequest.status(socket: socket.readSocket)
        do {
            return try AgentLookup.find(name, in: document.agents)
        } catch {
            Console.error("\(error)")
            throw ExitCode.usage
        }
    }

    /// `/v1/agents/{key}/override`, the key percent-encoded.
    static func path(of key: String) -> String {
        "/v1/agents/\(ControlClient.pathSegment(key))/override"
    }

    /// The entry a successful answer holds; a refusal is printed and exits 1.
    static func entry(from answer: (status: Int, body: [UInt8])) throws -> AgentStatus {
        guard answer.status == 200 else {
            Console.error("refused (HTTP \(answer.status)): \(DaemonRequest.message(of: answer.body))")
            throw ExitCode.failure
        }
        guard let entry = try? JSONDecoder().decode(AgentStatus.self, from: Data(answer.body)) else {
            Console.error("unexpected answer from the daemon: \(String(decoding: answer.body.prefix(300), as: UTF8.self))")
            throw ExitCode.failure
        }
        return entry
    }
}

/// `agent-presenced away AGENT`: holds an agent offline now, until a time or until cleared.
struct AwayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "away",
        abstract: "Hold an agent offline now (no ping leaves for it), until --for/--until or until cleared."
    )

    @OptionGroup var options: OverrideOptions

    func run() async throws {
        try await options.apply(.away)
    }
}

/// `agent-presenced online AGENT`: keeps an agent online, even off shift.
struct OnlineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "online",
        abstract: "Keep an agent online, even outside its schedule (first ping within a second), until --for/--until or cleared."
    )

    @OptionGroup var options: OverrideOptions

    func run() async throws {
        try await options.apply(.online)
    }
}

/// `agent-presenced clear AGENT`: drops an agent's override.
struct ClearCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Drop an agent's run-time override: it follows its schedule again."
    )

    @Argument(help: "The agent: its key, ID, email or a unique label.")
    var agent: String

    @OptionGroup var socket: ControlSocketOption

    func run() async throws {
        let target = try await OverrideTarget.resolve(agent, socket: socket)
        let answer = try await DaemonRequest.send("DELETE", OverrideTarget.path(of: target.key), sockets: socket.changeSockets)
        let entry = try OverrideTarget.entry(from: answer)
        let had = target.override.map { "override \($0.mode) cleared" } ?? "had no override"
        Console.out("\(AgentLookup.describe(entry)) \(had): it follows its schedule again (state \(entry.state))")
    }
}
