import Foundation
import Logging
import PresenceCore
import SystemdSupport

extension PresenceRuntime {
    /// Stops scheduling, lets in-flight pings finish for up to `grace`, writes the final status
    /// file and closes the HTTP client.
    public func shutdown(grace: Duration = .seconds(3)) async {
        notifier.stopping(status: "stopping")
        timers.queue.sync {
            stopped = true
            housekeepingTimer?.cancel()
            scheduler.stop()
            logger.notice("agent-presenced stopping", metadata: ["event": .string(PresenceEvent.daemonStopping.rawValue)])
        }
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline, timers.queue.sync(execute: { scheduler.inFlightCount }) > 0 {
            try? await Task.sleep(for: .milliseconds(20))
        }
        let snapshot = timers.queue.sync { statusSnapshot() }
        flushStatus()
        do {
            try writer.writeNow(snapshot)
        } catch {
            logger.error("cannot write the final status file: \(error)")
        }
        await client.shutdown()
        await broker.shutdown()
        instance?.release()
    }
}
