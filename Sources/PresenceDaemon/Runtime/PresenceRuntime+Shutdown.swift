import Foundation
import Logging
import PresenceCore
import SystemdSupport

extension PresenceRuntime {
    /// Stops scheduling, lets in-flight pings finish for up to `grace`, writes the final status
    /// file and closes the HTTP client.
    public func shutdown(grace: Duration = .seconds(3)) async {
        notifier.stopping(status: "stopping")
        timers.sync {
            stopped = true
            housekeepingTimer?.cancel()
            scheduler.stop()
            logger.notice("agent-presenced stopping", metadata: ["event": .string(PresenceEvent.daemonStopping.rawValue)])
        }
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline, timers.sync({ scheduler.inFlightCount }) > 0 {
            try? await Task.sleep(for: .milliseconds(20))
        }
        await releaseLease(within: grace)
        let snapshot = timers.sync { statusSnapshot() }
        flushStatus()
        do {
            try writer.writeNow(snapshot)
        } catch {
            logger.error("cannot write the final status file: \(error)")
        }
        await client.shutdown()
        await broker.shutdown()
        await leaseStore?.shutdown()
        instance?.release()
    }

    /// Ends the lease this node held (once its last pings are answered), so a standby takes
    /// over within seconds rather than a lease; waits at most `limit` for the database.
    func releaseLease(within limit: Duration) async {
        guard clusterCoordinator != nil else { return }
        let released = AsyncStream<Void>.makeStream()
        timers.sync {
            scheduler.releaseLease { released.continuation.finish() }
        }
        let deadline = Task {
            try? await Task.sleep(for: limit)
            released.continuation.finish()
        }
        for await _ in released.stream {}
        deadline.cancel()
    }
}
