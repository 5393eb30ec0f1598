import Logging
import PresenceCore

extension PresenceRuntime {
    /// Hands the overrides kept by the last run to the scheduler, before it starts; a file
    /// that cannot be used is logged, moved aside and left behind.
    func restoreOverrides() {
        let metadata: Logger.Metadata = ["overrides_file": .string(overrideStore.path)]
        switch overrideStore.load() {
        case .none:
            return
        case .unusable(let reason, let movedTo):
            let moved = movedTo.map { "moved to \($0)" } ?? "could not move it aside"
            logger.error("ignoring the overrides file, \(reason); \(moved); starting without overrides", metadata: metadata)
        case .overrides(let saved):
            let dropped = scheduler.restoreOverrides(saved)
            let kept = saved.count - dropped.count
            logger.notice("restored \(kept) override\(kept == 1 ? "" : "s")\(dropped.isEmpty ? "" : "; dropped \(dropped.count) ended or for agents no longer enabled")", metadata: metadata)
            if !dropped.isEmpty { try? overrideStore.save(scheduler.overridesInForce) }
        }
    }
}
