import Foundation
import Logging
import PresenceCore
import SystemdSupport

extension PresenceRuntime {
    /// Reads and validates the whole config again, then applies it atomically or refuses it
    /// as a whole; either way systemd hears `RELOADING=1` first and `READY=1` last.
    ///
    /// Called on the reload queue (never the scheduler's, so a slow disk delays no ping).
    public func reload() {
        reloadSerially()
    }

    /// Runs one reload at a time, whether SIGHUP or the control API asked for it.
    func reloadSerially() {
        reloadLock.lock()
        defer { reloadLock.unlock() }
        reloadOnce()
    }

    private func reloadOnce() {
        notifier.reloading()
        let path = timers.sync { loaded.path }
        let result = Result { () throws(ConfigError) -> LoadedConfig in try ConfigLoader.load(path: path) }
        timers.sync {
            var movedFrom: StatusFileWriter?
            switch result {
            case .success(let newConfig):
                if let problem = clusterChangeProblem(newConfig) {
                    refuse(summary: problem, description: problem)
                    break
                }
                do {
                    movedFrom = try apply(newConfig)
                } catch {
                    refuse(summary: "\(error)", description: "\(error)")
                }
            case .failure(let error): refuse(summary: error.summary, description: error.description)
            }
            lastReloadAt = Date()
            metrics?.recordReload(applied: lastReloadError == nil)
            refreshMetrics(force: true)
            writeStatus(force: true)
            flushStatus()
            if let movedFrom {
                // The new file is written; the old one would only mislead a reader now.
                movedFrom.flush()
                movedFrom.removeFile()
                AtomicFile.removeLeftovers(of: movedFrom.path)
            }
            reportedStatusLine = statusLine()
            notifier.ready(status: reportedStatusLine)
        }
        // The old roster and the parse are garbage now; after READY=1, so it delays nothing.
        HeapTrim.returnFreeMemory()
    }

    /// Applies `newConfig`; returns the previous status writer when the status file moved.
    /// - Throws: `InstanceConflict` (before changing anything) when another daemon holds the
    ///   new status file.
    private func apply(_ newConfig: LoadedConfig) throws(InstanceConflict) -> StatusFileWriter? {
        var movedFrom: StatusFileWriter?
        if newConfig.statusFilePath != writer.path {
            try instance?.moveStatus(to: newConfig.statusFilePath)
            movedFrom = writer
            writer = StatusFileWriter(path: newConfig.statusFilePath)
            prepareStatusFolder()
        }
        let rekeyedBots = newConfig.config.bots.keys.filter { name in
            loaded.botSecrets[name] != nil && loaded.botSecrets[name] != newConfig.botSecrets[name]
        }
        broker.updateSecrets(newConfig.brokerSecrets)
        let change = scheduler.apply(newConfig.config)
        client.updateCredentials(newConfig.brevoCredentials)
        // A new key may mend (or break) a bot whose settings are unchanged: ask it now.
        scheduler.reprobe(bots: rekeyedBots.sorted())
        loaded = newConfig
        forgetRoster()
        generation += 1
        loadedAt = Date()
        lastReloadError = nil
        for warning in newConfig.warnings { logger.warning("\(warning)") }
        if newConfig.config.metrics != metricsSettings {
            logger.warning("metrics: changes take effect at the next restart; the metrics go on as started")
        }
        var accounts = ""
        if !change.addedAccounts.isEmpty { accounts += "; accounts added: " + change.addedAccounts.joined(separator: ", ") }
        if !change.removedAccounts.isEmpty { accounts += "; accounts removed: " + change.removedAccounts.joined(separator: ", ") }
        logger.notice(
            "reload applied: generation \(generation), \(change.added.count) added, \(change.removed.count) removed, \(change.disabled.count) disabled, \(change.reenabled.count) re-enabled, \(change.kept) kept\(accounts)",
            metadata: ["event": .string(PresenceEvent.reloadApplied.rawValue), "config_generation": .stringConvertible(generation)]
        )
        return movedFrom
    }

    private func refuse(summary: String, description: String) {
        lastReloadError = summary
        writtenVersion = .max
        logger.error(
            "reload refused, generation \(generation) keeps running: \(description)",
            metadata: ["event": .string(PresenceEvent.reloadRefused.rawValue), "config_generation": .stringConvertible(generation)]
        )
    }
}
