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
        notifier.reloading()
        let path = timers.queue.sync { loaded.path }
        let result = Result { () throws(ConfigError) -> LoadedConfig in try ConfigLoader.load(path: path) }
        timers.queue.sync {
            switch result {
            case .success(let newConfig): apply(newConfig)
            case .failure(let error): refuse(error)
            }
            lastReloadAt = Date()
            writeStatus(force: true)
            flushStatus()
            reportedStatusLine = statusLine()
            notifier.ready(status: reportedStatusLine)
        }
        // The old roster and the parse are garbage now; after READY=1, so it delays nothing.
        HeapTrim.returnFreeMemory()
    }

    private func apply(_ newConfig: LoadedConfig) {
        let change = scheduler.apply(newConfig.config)
        client.updateCredentials(baseURL: newConfig.config.brevo.baseURL, apiKey: newConfig.apiKey.secret)
        if newConfig.statusFilePath != writer.path {
            writer = StatusFileWriter(path: newConfig.statusFilePath)
            prepareStatusFolder()
        }
        loaded = newConfig
        forgetRoster()
        generation += 1
        loadedAt = Date()
        lastReloadError = nil
        for warning in newConfig.warnings { logger.warning("\(warning)") }
        logger.notice(
            "reload applied: generation \(generation), \(change.added.count) added, \(change.removed.count) removed, \(change.disabled.count) disabled, \(change.reenabled.count) re-enabled, \(change.kept) kept",
            metadata: ["event": .string(PresenceEvent.reloadApplied.rawValue), "config_generation": .stringConvertible(generation)]
        )
    }

    private func refuse(_ error: ConfigError) {
        lastReloadError = error.summary
        writtenVersion = .max
        logger.error(
            "reload refused, generation \(generation) keeps running: \(error.description)",
            metadata: ["event": .string(PresenceEvent.reloadRefused.rawValue), "config_generation": .stringConvertible(generation)]
        )
    }
}
