import Dispatch
import Foundation
import Logging
import PresenceCore
import PresenceMetrics
import BrevoAPI
import BrokerAPI
import ClusterLease
import SystemdSupport

/// The running daemon: the scheduler on the Brevo client's event loop, the Brevo and Broker clients, the
/// status file and the systemd notifications, wired together.
///
/// Everything that touches the scheduler runs on the scheduler's loop (`timers.eventLoop`); the
/// runtime's own mutable state is confined there too, which is why it is `@unchecked Sendable`.
public final class PresenceRuntime: @unchecked Sendable {
    let logger: Logger
    let notifier: SystemdNotifier
    let timers: EventLoopTimers
    let clock = DispatchClock()
    let client: BrevoClient
    /// Probes the bots, on the Brevo client's event loop.
    let broker: BrokerClient
    let scheduler: PresenceScheduler
    /// The config in force, its roster emptied once the scheduler has it (see ``forgetRoster()``).
    var loaded: LoadedConfig
    var writer: StatusFileWriter
    /// The locks that keep a second daemon off this config and status file.
    let instance: DaemonInstance?
    var generation = 1
    var loadedAt: Date = Date()
    var lastReloadError: String?
    var lastReloadAt: Date?
    var writtenVersion: UInt64 = .max
    var reportedStatusLine = ""
    var lastWriteError: String?
    var nextWriteAt = MonotonicTime.zero
    var lastWriteAt = MonotonicTime.zero
    var housekeepingTimer: (any ArmedTimer)?
    var watchdog: WatchdogGate?
    var stopped = false
    var sleepDetector = SleepDetector()
    /// Where the run-time overrides are kept across restarts.
    let overrideStore: OverrideStore
    /// One reload at a time, from SIGHUP or the control API.
    let reloadLock = NSLock()
    /// This node's side of the cluster's lease; `nil` outside a cluster.
    let clusterCoordinator: ClusterCoordinator?
    /// The lease's connection to PostgreSQL; `nil` outside a cluster.
    let leaseStore: PostgresLeaseStore?
    /// The Prometheus series, when `metrics:` asks for them.
    public let metrics: PresenceMetrics?
    /// The `metrics:` settings the daemon started with: they hold until a restart.
    public let metricsSettings: MetricsSettings
    var nextMetricsRefreshAt = MonotonicTime.zero
    var nextTextfileAt = MonotonicTime.zero
    var lastTextfileError: String?
    let textfileQueue = DispatchQueue(label: "agent-presenced.metrics-textfile", qos: .utility)
    /// Reasons the daemon must stop with a failure (``fail(_:)``); the service waits on them.
    let failures = AsyncStream<String>.makeStream()

    /// How often the status file and `STATUS=` may change, at most.
    static let reportInterval: Duration = .seconds(1)
    /// A status write may take at most this share of the time between two writes: at 100,000
    /// agents a write costs about 110 ms (plus the snapshot's copy-on-write on the scheduler's
    /// queue), so the file is rewritten about every 4 s, not every second.
    static let reportCostShare = 40
    /// The status file is rewritten at least this often, changed or not: its `updated_at` is
    /// a heartbeat, so a staleness check can tell a hung daemon from a quiet one.
    static let heartbeatInterval: Duration = .seconds(30)

    /// Creates the runtime for a loaded configuration; nothing runs before ``start()``.
    ///
    /// `instance` holds the daemon's locks (``DaemonInstance``); the runtime moves the status
    /// lock when a reload moves the status file, and lets both go at the end of ``shutdown(grace:)``.
    /// In a cluster, `leaseTransport` replaces the PostgreSQL lease (the demo's in-process table).
    public init(
        loaded: LoadedConfig, logger: Logger, notifier: SystemdNotifier = SystemdNotifier(), instance: DaemonInstance? = nil,
        leaseTransport: (any LeaseTransport)? = nil
    ) {
        self.loaded = loaded
        self.instance = instance
        self.logger = logger
        self.notifier = notifier
        self.timers = EventLoopTimers(on: BrevoClient.eventLoopGroup.next())
        // In a cluster, Brevo and the Broker see which node sent each request.
        let userAgent = ProductVersion.userAgent(node: loaded.config.cluster?.node)
        self.client = BrevoClient(accounts: loaded.brevoCredentials, timeout: loaded.config.ping.timeout, userAgent: userAgent)
        self.broker = BrokerClient(userAgent: userAgent)
        broker.updateSecrets(loaded.brokerSecrets)
        self.writer = StatusFileWriter(path: loaded.statusFilePath)
        let overrideStore = OverrideStore(path: loaded.overridesFilePath)
        self.overrideStore = overrideStore
        let metrics = loaded.config.metrics.isEnabled ? PresenceMetrics() : nil
        self.metrics = metrics
        metricsSettings = loaded.config.metrics
        self.scheduler = PresenceScheduler(
            config: loaded.config,
            clock: clock,
            timers: timers,
            transport: BrevoPingTransport(client: client),
            observer: DaemonObserver(log: PresenceLogObserver(logger: logger, node: loaded.config.cluster?.node), overrides: overrideStore,
                                     metrics: metrics.map(MetricsObserver.init)),
            probeTransport: BrokerProbeTransport(client: broker)
        )
        let store = leaseTransport == nil && loaded.config.cluster != nil ? loaded.postgresURL.map { PostgresLeaseStore(url: $0, logger: logger) } : nil
        leaseStore = store
        clusterCoordinator = Self.makeCoordinator(loaded, transport: leaseTransport ?? store, clock: clock, timers: timers, logger: logger)
        forgetRoster()
        if let configuration = WatchdogConfiguration.fromEnvironment() {
            watchdog = WatchdogGate(configuration: configuration, startedAt: UInt64(clock.now.nanoseconds))
        }
        joinCluster()
    }

    /// Stops the daemon with a failure: logged at critical, then the service ends and the
    /// process exits non-zero.
    func fail(_ reason: String) {
        logger.critical("agent-presenced must stop: \(reason)")
        failures.continuation.yield(reason)
    }

    /// Arms every timer, writes the first status file and tells systemd the service is ready.
    public func start() {
        timers.sync {
            prepareStatusFolder()
            restoreOverrides()
            scheduler.start()
            let summary = scheduler.summary
            logger.notice(
                "agent-presenced started: \(summary.total - (summary.counts[.disabled] ?? 0)) of \(summary.total) agents enabled, interval \(DurationFormat.string(loaded.config.ping.interval))",
                metadata: ["event": .string(PresenceEvent.daemonStarted.rawValue), "config_generation": .stringConvertible(generation)]
            )
            for warning in loaded.warnings { logger.warning("\(warning)") }
            housekeeping()
            HeapTrim.returnFreeMemory()
            // READY=1 promises a status file: `agent-presenced reload` and operators read it.
            flushStatus()
            notifier.ready(status: statusLine())
        }
    }

    /// Drops the config's copy of the roster: the scheduler's records hold the agents.
    func forgetRoster() {
        loaded.config.agents = []
    }

    /// The status file the daemon started with.
    public var statusFilePath: String {
        timers.sync { writer.path }
    }

    /// The one-line summary for `STATUS=`.
    func statusLine() -> String {
        let line = StatusLine.text(summary: scheduler.summary, accounts: scheduler.accounts, namesAccounts: loaded.config.namesAccounts,
                                   bots: scheduler.botReports, cluster: scheduler.lease)
        guard let lastReloadError else { return line }
        return "reload refused: \(lastReloadError) (running generation \(generation)); \(line)"
    }

    /// Runs once a second on the scheduler's loop: lapses, watchdog, status file, `STATUS=`.
    func housekeeping() {
        guard !stopped else { return }
        if let slept = sleepDetector.check() {
            scheduler.resync(reason: "the machine was suspended for about \(Int(slept.seconds)) s")
        }
        scheduler.refreshLapses()
        scheduler.expireOverrides()
        scheduler.refreshShifts()
        refreshMetrics()
        let now = clock.now
        if var gate = watchdog {
            gate.recordProgress(at: UInt64(now.nanoseconds))
            if gate.shouldPing(at: UInt64(now.nanoseconds)) { notifier.watchdog() }
            watchdog = gate
        }
        if scheduler.version != writtenVersion || now - lastWriteAt >= Self.heartbeatInterval {
            writeStatus()
            let line = statusLine()
            if line != reportedStatusLine {
                notifier.status(line)
                reportedStatusLine = line
            }
        }
        housekeepingTimer = timers.arm(at: now + Self.reportInterval, leeway: .milliseconds(50)) { [weak self] in
            self?.housekeeping()
        }
    }

    /// The status of this moment.
    func statusSnapshot() -> StatusSnapshot {
        StatusSnapshot(records: scheduler.snapshot(), accounts: scheduler.accounts, availability: scheduler.availabilityView,
                       bots: scheduler.botReports, cluster: scheduler.lease, clusterNode: scheduler.clusterNode,
                       window: loaded.config.ping.presenceWindow, clock: clock, pid: getpid(), config: configStatus())
    }

    /// The status file's `config` section.
    func configStatus() -> StatusDocument.ConfigStatus {
        StatusDocument.ConfigStatus(
            path: loaded.path, generation: generation, loadedAt: RFC3339.string(from: loadedAt),
            lastReloadError: lastReloadError, lastReloadAt: lastReloadAt.map(RFC3339.string(from:))
        )
    }

    /// Queues a status file write; logs a failure once per distinct error.
    ///
    /// Only the snapshot (one array copy) is taken on the scheduler's loop; the writer turns
    /// it into JSON on its own queue. A large roster whose write takes long is written less
    /// often (``reportCostShare`` times the last write's cost apart, at most once a second), so
    /// reporting never eats the CPU the pings need. `force` (start, reload) writes regardless.
    func writeStatus(force: Bool = false) {
        let now = clock.now
        guard force || now >= nextWriteAt else { return }
        writtenVersion = scheduler.version
        nextWriteAt = now + Self.reportInterval
        lastWriteAt = now
        writer.write(statusSnapshot()) { [weak self] error, cost in
            self?.timers.execute { [weak self] in
                guard let self else { return }
                self.nextWriteAt = max(self.nextWriteAt, now + max(Self.reportInterval, cost * Self.reportCostShare))
                self.noteWriteResult(error)
            }
        }
    }

    /// Waits until every queued status write has reached the disk.
    func flushStatus() {
        writer.flush()
    }

    func noteWriteResult(_ error: (any Error)?) {
        let description = error.map { "\($0)" }
        guard description != lastWriteError else { return }
        if let description {
            logger.error("cannot write the status file; pinging goes on: \(description)", metadata: ["status_file": .string(writer.path)])
        } else if lastWriteError != nil {
            logger.notice("status file written again", metadata: ["status_file": .string(writer.path)])
        }
        lastWriteError = description
    }

    /// Makes the status file's folder when it is missing (outside systemd's RuntimeDirectory=)
    /// and removes what writes killed mid-way left in it (we hold the status file's lock).
    func prepareStatusFolder() {
        AtomicFile.prepareFolder(of: writer.path)
        let removed = AtomicFile.removeLeftovers(of: writer.path)
        guard !removed.isEmpty else { return }
        logger.notice("removed \(removed.count) temporary status file\(removed.count == 1 ? "" : "s") left by an interrupted write",
                      metadata: ["status_file": .string(writer.path)])
    }
}
