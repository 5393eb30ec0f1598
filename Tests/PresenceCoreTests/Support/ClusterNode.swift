import PresenceCore

/// One daemon of a cluster in virtual time: a scheduler with its own transport (its pings
/// logged apart) and its own connection to the shared lease table.
struct ClusterNode {
    let name: String
    let scheduler: PresenceScheduler
    let transport: ScriptedTransport
    let connection: VirtualLeaseTable.Connection
    let coordinator: ClusterCoordinator
    /// The process's timers, which a test pauses like SIGSTOP.
    let timers: PausableTimers

    init(_ name: String, config: PresenceConfig, table: VirtualLeaseTable, lease: Duration = .seconds(30), policy: DatabaseLossPolicy = .stop, seed: UInt64 = 1,
         observer: any PresenceObserver = SilentPresenceObserver()) {
        self.name = name
        let timeline = table.timeline
        let timers = PausableTimers(timeline: timeline)
        self.timers = timers
        transport = ScriptedTransport(timeline: timeline)
        connection = table.connection()
        scheduler = PresenceScheduler(config: config, clock: timeline, timers: timers, transport: transport, random: SeededRandom(seed: seed), observer: observer)
        let coordinator = ClusterCoordinator(
            settings: ClusterSettings(node: name, lease: lease, whenDatabaseLost: policy),
            token: "token-\(name)-\(seed)", clock: timeline, timers: timers, transport: connection
        )
        self.coordinator = coordinator
        scheduler.joinCluster(coordinator)
        // Every ping carries the epoch its sender led in: pings sorted by time must never go
        // back to an older epoch (an old leader pinging after the new one's first ping).
        transport.answer = { [coordinator] _, _ in
            var outcome = PingOutcome.success()
            outcome.requestID = String(coordinator.keeper.epoch ?? -1)
            return outcome
        }
    }

    /// Send times of every ping of this node.
    var pingTimes: [MonotonicTime] { transport.sent.map(\.at) }

    /// Every ping of this node: when, for whom, in which epoch.
    var pings: [(at: MonotonicTime, key: AgentKey, epoch: Int64)] {
        transport.sent.map { ($0.at, $0.key, Int64($0.outcome.requestID ?? "") ?? -1) }
    }
}
