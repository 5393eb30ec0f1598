import Foundation

/// The roster at one moment, as the status file reports it, turning records into entries one
/// agent at a time.
///
/// Taking a snapshot costs one array copy (the records are values); a writer then streams the
/// entries out without ever holding a whole ``StatusDocument``, whose 100,000 entries and
/// their formatted times once took more memory than the roster itself.
public struct StatusSnapshot: StatusContent, Sendable {
    /// The records, in roster order.
    public let records: [AgentRecord]
    /// The presence window, for `presumed_online_until`.
    public let window: Duration
    /// The moment of the snapshot, on the monotonic clock.
    public let now: MonotonicTime
    /// The same moment on the wall clock.
    public private(set) var wallNow: Date
    /// Wall-clock nanoseconds since 1970 minus monotonic nanoseconds: what turns the records'
    /// times into the file's.
    public private(set) var wallOffset: Int64
    /// The daemon's process ID.
    public let pid: Int32
    /// The configuration in force.
    public let config: StatusDocument.ConfigStatus
    /// The accounts' running state, in config order.
    public let accounts: [PresenceAccount]
    /// Overrides and shifts, for each agent's entry.
    public let availability: AvailabilityView
    /// The bots' health, as their probes showed it.
    public let bots: [BotReport]
    /// The cluster's lease as this node sees it; `nil` outside a cluster.
    public let lease: LeaseKeeper?
    /// This node's name in its cluster; `nil` outside a cluster.
    public let clusterNode: String?

    /// Takes a snapshot at `clock`'s now; `cluster` and `clusterNode` only for a node of a
    /// cluster.
    public init(
        records: [AgentRecord], accounts: [PresenceAccount] = [], availability: AvailabilityView = AvailabilityView(),
        bots: [BotReport] = [], cluster: LeaseKeeper? = nil, clusterNode: String? = nil,
        window: Duration, clock: any PresenceClock, pid: Int32, config: StatusDocument.ConfigStatus
    ) {
        self.records = records
        self.accounts = accounts
        self.availability = availability
        self.bots = bots
        self.lease = cluster
        self.clusterNode = clusterNode
        self.window = window
        self.now = clock.now
        self.wallNow = clock.wallDate(at: now)
        self.wallOffset = Int64((wallNow.timeIntervalSince1970 * 1e9).rounded()) &- now.nanoseconds
        self.pid = pid
        self.config = config
    }

    /// The format version, 1.
    public var version: Int { 1 }

    /// The snapshot's moment, RFC 3339 UTC.
    public var updatedAt: String { RFC3339.string(from: wallNow) }

    /// Agents per state, every state listed.
    public var summary: [String: Int] {
        var counts = [Int](repeating: 0, count: AgentState.allCases.count)
        for record in records { counts[record.state.ordinal] += 1 }
        return Dictionary(uniqueKeysWithValues: AgentState.allCases.map { ($0.rawValue, counts[$0.ordinal]) })
    }

    /// Each account's entry, in config order.
    public var accountEntries: [(name: String, status: AccountStatus)] {
        var agents = [Int](repeating: 0, count: accounts.count)
        for record in records where record.accountIndex < agents.count { agents[record.accountIndex] += 1 }
        return accounts.enumerated().map { index, account in
            var until: MonotonicTime?
            if case .rateLimited(let end)? = account.gate.pause { until = end }
            return (account.name, AccountStatus(
                state: account.stateName, reason: account.gate.pauseReason, until: wall(until),
                requestsPerHour: account.settings.rateLimit.requestsPerHour, interval: DurationFormat.string(account.plan.interval),
                agents: agents[index], requestsLastHour: account.requestsLastHour(at: now), learnedLimit: account.gate.learnedLimit
            ))
        }
    }

    /// Each bot's entry, in name order (as a decoded document has them).
    public var botEntries: [(name: String, status: BotStatus)] {
        bots.sorted { $0.name < $1.name }.map { report in
            let health = report.health
            return (report.name, BotStatus(
                state: health.state.rawValue, since: RFC3339.string(from: wallDate(of: health.since)),
                lastProbeAt: wall(health.lastProbeAt), lastOKAt: wall(health.lastOKAt),
                consecutiveFailures: health.consecutiveFailures, lastError: health.lastError,
                latencyMS: health.latency.map { Int($0.milliseconds) }, probesOK: health.probesOK, probesFailed: health.probesFailed
            ))
        }
    }

    /// The `cluster` section, lease times turned into wall-clock ones; `nil` outside a cluster.
    public var cluster: ClusterStatus? {
        guard let lease else { return nil }
        return ClusterStatus(
            role: lease.role.rawValue, node: clusterNode ?? lease.holder ?? "", leader: lease.knownLeader(node: clusterNode),
            leaseUntil: wall(lease.knownLeaseEnd), epoch: lease.epoch, databaseReachable: !lease.databaseLost, lastLoss: lease.lastLoss
        )
    }

    /// The entries, made as they are read.
    public var agents: LazyMapSequence<[AgentRecord], AgentStatus> {
        records.lazy.map(entry(for:))
    }

    /// The whole document, for small rosters and tests.
    public var document: StatusDocument {
        StatusDocument(
            version: version, pid: pid, updatedAt: updatedAt, config: config, summary: summary,
            accounts: Dictionary(accountEntries.map { ($0.name, $0.status) }, uniquingKeysWith: { first, _ in first }),
            bots: Dictionary(botEntries.map { ($0.name, $0.status) }, uniquingKeysWith: { first, _ in first }),
            cluster: cluster, agents: Array(agents)
        )
    }

    /// One agent's entry, monotonic times turned into wall-clock ones.
    ///
    /// The status file's writer writes the same entry straight from `record` (its tests hold
    /// the two to the same bytes); both take the schedule, override and times from here.
    public func entry(for record: AgentRecord) -> AgentStatus {
        let shift = self.shift(of: record)
        var id: String?, email: String?
        switch record.spec.identity {
        case .id(let value): id = value
        case .email(let value, _): email = value
        }
        return AgentStatus(
            key: record.spec.key.rawValue, id: id, email: email, label: record.spec.label,
            enabled: record.spec.enabled, state: record.state.rawValue,
            lastAttemptAt: wall(record.lastAttemptAt), lastSuccessAt: wall(record.lastSuccessAt),
            presumedOnlineUntil: wall(record.presumedOnlineUntil(window: window)), nextPingAt: wall(record.nextPingAt),
            consecutiveFailures: record.consecutiveFailures, lastError: record.lastError,
            pingsOK: record.pingsOK, pingsFailed: record.pingsFailed, account: record.spec.accountName,
            schedule: shift?.name, shiftEndsAt: shift.flatMap { $0.isOn ? $0.changesAt.map(RFC3339.string(from:)) : nil },
            nextShiftAt: shift.flatMap { $0.isOn ? nil : $0.changesAt.map(RFC3339.string(from:)) },
            override: override(of: record).map(OverrideStatus.init),
            bot: record.spec.bot
        )
    }

    /// The current shift of `record`'s schedule; `nil` when it has none.
    public func shift(of record: AgentRecord) -> AvailabilityView.Shift? {
        record.shiftIndex.flatMap { availability.shifts.indices.contains($0) ? availability.shifts[$0] : nil }
    }

    /// The override in force for `record`, if any.
    public func override(of record: AgentRecord) -> PresenceOverride? {
        availability.overrides.isEmpty ? nil : availability.overrides[record.spec.key]
    }

    /// `time` on the wall clock, as the snapshot's moment maps the monotonic clock onto it.
    ///
    /// In whole nanoseconds, so that two snapshots with the same ``wallOffset`` give a time the
    /// same text (the status file's writer reuses unchanged entries on that ground).
    public func wallDate(of time: MonotonicTime) -> Date {
        Date(timeIntervalSince1970: Double(time.nanoseconds &+ wallOffset) / 1e9)
    }

    /// This snapshot with its monotonic times mapped onto the wall clock by `offset` instead:
    /// the wall clock read a few microseconds apart in two snapshots must not change the text
    /// of every time in the file.
    public func rebased(onWallOffset offset: Int64) -> StatusSnapshot {
        var snapshot = self
        snapshot.wallOffset = offset
        snapshot.wallNow = snapshot.wallDate(of: now)
        return snapshot
    }

    private func wall(_ time: MonotonicTime?) -> String? {
        time.map { RFC3339.string(from: wallDate(of: $0)) }
    }
}
