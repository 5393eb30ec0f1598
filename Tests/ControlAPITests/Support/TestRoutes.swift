import ControlAPI
import Foundation

/// One agent's entry as the test routes answer it.
struct AgentEntry: Codable, Equatable {
    var key: String
    var mode: String?
    var until: Date?
    var reason: String?
}

/// A small real implementation of ``ControlRoutes``: a book of agents, some disabled, with
/// overrides kept in memory, answering like the daemon will (404 unknown, 409 disabled).
actor AgentBook {
    private let known: Set<String>
    private let disabled: Set<String>
    private var overrides: [String: OverrideChange] = [:]
    private(set) var reloads = 0

    init(known: Set<String>, disabled: Set<String> = []) {
        self.known = known
        self.disabled = disabled
    }

    func entry(_ key: String) -> AgentEntry? {
        guard known.contains(key) else { return nil }
        let change = overrides[key]
        return AgentEntry(key: key, mode: change?.mode.rawValue, until: change?.until, reason: change?.reason)
    }

    func set(_ key: String, _ change: OverrideChange) -> ControlResponse {
        guard known.contains(key) else { return .error(404, "unknown agent \(key)") }
        guard !disabled.contains(key) else { return .error(409, "agent \(key) is disabled in the config") }
        overrides[key] = change
        return .json(200, entry(key))
    }

    func clear(_ key: String) -> ControlResponse {
        guard known.contains(key) else { return .error(404, "unknown agent \(key)") }
        overrides[key] = nil
        return .json(200, entry(key))
    }

    func reload() -> Int {
        reloads += 1
        return reloads
    }

    var keys: [String] { known.sorted() }
}

struct TestRoutes: ControlRoutes {
    let book: AgentBook

    init(known: Set<String> = ["alice", "sales/id:abc"], disabled: Set<String> = ["bob"]) {
        book = AgentBook(known: known.union(disabled), disabled: disabled)
    }

    func status() async -> ControlResponse {
        .json(200, ["agents": await book.keys])
    }

    func agent(key: String) async -> ControlResponse {
        guard let entry = await book.entry(key) else { return .error(404, "unknown agent \(key)") }
        return .json(200, entry)
    }

    func setOverride(key: String, _ change: OverrideChange) async -> ControlResponse {
        await book.set(key, change)
    }

    func clearOverride(key: String) async -> ControlResponse {
        await book.clear(key)
    }

    func reload() async -> ControlResponse {
        .json(200, ["generation": await book.reload()])
    }
}
