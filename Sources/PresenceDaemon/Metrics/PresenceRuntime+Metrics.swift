import Foundation
import Logging
import PresenceCore
import PresenceMetrics

extension PresenceRuntime {
    /// How often the gauges are set: a scrape every 15 s or more sees them fresh enough, and a
    /// pass over 100,000 records costs about a millisecond.
    static let metricsRefreshInterval: Duration = .seconds(5)
    /// How often the textfile is rewritten (node_exporter reads it at each of its scrapes).
    static let textfileInterval: Duration = .seconds(15)

    /// Sets the gauges and rewrites the textfile when they are due (from housekeeping), or now.
    func refreshMetrics(force: Bool = false) {
        guard let metrics else { return }
        let now = clock.now
        if force || now >= nextMetricsRefreshAt {
            nextMetricsRefreshAt = now + Self.metricsRefreshInterval
            metrics.refresh(metricsReport(at: now))
        }
        if let path = metricsSettings.textfile, force || now >= nextTextfileAt {
            nextTextfileAt = now + Self.textfileInterval
            writeTextfile(metrics.render(), to: path)
        }
    }

    /// The gauges' values at `now`.
    func metricsReport(at now: MonotonicTime) -> MetricsReport {
        let summaries = scheduler.summariesByAccount()
        let accounts = scheduler.accounts.enumerated().map { index, account in
            MetricsReport.Account(name: account.name, summary: summaries[index], paused: account.gate.pause != nil,
                                  requestsLastHour: account.requestsLastHour(at: now))
        }
        let bots = scheduler.botReports.map { MetricsReport.Bot(name: $0.name, up: $0.health.isUp) }
        return MetricsReport(accounts: accounts, bots: bots, mayPing: scheduler.lease.map { $0.mayPing(at: now) } ?? true, generation: generation)
    }

    /// Replaces the textfile on its own queue (never the scheduler's); logs a
    /// failure once per distinct error.
    func writeTextfile(_ bytes: [UInt8], to path: String) {
        textfileQueue.async { [weak self] in
            let problem: String?
            do {
                try AtomicFile.write(Data(bytes), to: path, mode: 0o644)
                problem = nil
            } catch {
                problem = "\(error)"
            }
            self?.timers.execute { [weak self] in self?.noteTextfileResult(problem, path: path) }
        }
    }

    private func noteTextfileResult(_ error: String?, path: String) {
        guard error != lastTextfileError else { return }
        if let error {
            logger.error("cannot write the metrics textfile; pinging goes on: \(error)", metadata: ["metrics_textfile": .string(path)])
        } else if lastTextfileError != nil {
            logger.notice("metrics textfile written again", metadata: ["metrics_textfile": .string(path)])
        }
        lastTextfileError = error
    }
}
