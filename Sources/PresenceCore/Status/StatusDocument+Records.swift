import Foundation

extension StatusDocument {
    /// Builds the document from the scheduler's records, turning monotonic times into wall-clock ones.
    public init(
        records: [AgentRecord],
        window: Duration,
        clock: any PresenceClock,
        pid: Int32,
        config: ConfigStatus
    ) {
        let now = clock.now
        let wallNow = clock.wallDate(at: now)
        func wall(_ time: MonotonicTime?) -> String? {
            time.map { RFC3339.string(from: wallNow.addingTimeInterval((($0 - now).seconds))) }
        }
        var summary = Dictionary(uniqueKeysWithValues: AgentState.allCases.map { ($0.rawValue, 0) })
        var agents: [AgentStatus] = []
        agents.reserveCapacity(records.count)
        for record in records {
            summary[record.state.rawValue, default: 0] += 1
            var id: String?, email: String?
            switch record.spec.identity {
            case .id(let value): id = value
            case .email(let value, _): email = value
            }
            agents.append(AgentStatus(
                key: record.spec.key.rawValue, id: id, email: email, label: record.spec.label,
                enabled: record.spec.enabled, state: record.state.rawValue,
                lastAttemptAt: wall(record.lastAttemptAt), lastSuccessAt: wall(record.lastSuccessAt),
                presumedOnlineUntil: wall(record.presumedOnlineUntil(window: window)), nextPingAt: wall(record.nextPingAt),
                consecutiveFailures: record.consecutiveFailures, lastError: record.lastError,
                pingsOK: record.pingsOK, pingsFailed: record.pingsFailed
            ))
        }
        self.init(pid: pid, updatedAt: RFC3339.string(from: wallNow), config: config, summary: summary, agents: agents)
    }
}
