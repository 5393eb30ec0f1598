/// The roster's records in roster order, found by key in constant time, with a running count
/// per state.
///
/// An array rather than a dictionary of records: a snapshot for the status file is one array
/// copy instead of 100,000 lookups, scans walk contiguous memory, and the counts make the
/// one-line `STATUS=` summary free.
public struct AgentTable: Sendable {
    /// Every record, in roster order.
    public private(set) var records: [AgentRecord] = []
    private var positions: [AgentKey: Int] = [:]
    private var stateCounts = [Int](repeating: 0, count: AgentState.allCases.count)

    /// Creates a table of `records`, in that order; the keys must be distinct.
    public init(_ records: [AgentRecord] = []) {
        self.records = records
        positions.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            positions[record.spec.key] = index
            stateCounts[record.state.ordinal] += 1
        }
    }

    /// The record of `key`; setting a record replaces the existing one (keys are fixed).
    public subscript(key: AgentKey) -> AgentRecord? {
        get { positions[key].map { records[$0] } }
        set {
            guard let index = positions[key], let newValue else { return }
            stateCounts[records[index].state.ordinal] -= 1
            stateCounts[newValue.state.ordinal] += 1
            records[index] = newValue
        }
    }

    /// Reads the record of `key` in place and returns `body`'s result; `nil` when the table
    /// does not hold `key`. The per-ping path's way to look: no copy of the record.
    public func read<Result>(_ key: AgentKey, _ body: (borrowing AgentRecord) -> Result) -> Result? {
        guard let index = positions[key] else { return nil }
        return body(records[index])
    }

    /// Changes the record of `key` in place and returns `body`'s result; `nil` when the table
    /// does not hold `key`. The per-ping path's way: no copy of the record out and back.
    @discardableResult
    public mutating func update<Result>(_ key: AgentKey, _ body: (inout AgentRecord) -> Result) -> Result? {
        guard let index = positions[key] else { return nil }
        let before = records[index].state
        let result = body(&records[index])
        let after = records[index].state
        if after != before {
            stateCounts[before.ordinal] -= 1
            stateCounts[after.ordinal] += 1
        }
        return result
    }

    /// Whether the table holds `key`.
    public func contains(_ key: AgentKey) -> Bool {
        positions[key] != nil
    }

    /// The keys, in roster order.
    public var keys: [AgentKey] { records.map(\.spec.key) }

    /// The keys of one account's agents (every agent's when `account` is `nil`), in roster order.
    ///
    /// Collected before the caller changes records: iterating ``records`` while assigning to the
    /// table would copy all of them (27 MB at 100,000 agents) on the first assignment.
    public func keys(ofAccount account: Int?) -> [AgentKey] {
        guard let account else { return keys }
        return records.compactMap { $0.accountIndex == account ? $0.spec.key : nil }
    }

    /// How many agents of each account are in each state, indexed like the scheduler's accounts
    /// (`accounts` of them): one pass over the records, for reports, never per ping.
    public func summaries(accounts: Int) -> [RosterSummary] {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: AgentState.allCases.count), count: accounts)
        for record in records where record.accountIndex < accounts {
            counts[record.accountIndex][record.state.ordinal] += 1
        }
        return counts.map { row in
            RosterSummary(counts: Dictionary(uniqueKeysWithValues: AgentState.allCases.map { ($0, row[$0.ordinal]) }))
        }
    }

    /// How many agents are in each state.
    public var summary: RosterSummary {
        RosterSummary(counts: Dictionary(uniqueKeysWithValues: AgentState.allCases.map { ($0, stateCounts[$0.ordinal]) }))
    }
}

extension AgentState {
    /// The state's position in `allCases`.
    var ordinal: Int {
        switch self {
        case .pending: 0
        case .online: 1
        case .retrying: 2
        case .lapsed: 3
        case .rejected: 4
        case .paused: 5
        case .offShift: 6
        case .away: 7
        case .botDown: 8
        case .standby: 9
        case .disabled: 10
        }
    }
}
