import NIOCore

/// The deadlines of one pool's pings, kept by one scheduled callback at the earliest of them.
///
/// Each ping used to schedule a callback of its own and cancel it on its answer; NIO's
/// scheduled task, the copies its heap makes of it and the cancel were about a tenth of the
/// event loop's time per ping. Pings go out in batches (the timers that fell due together), so
/// here one callback covers a batch: it is armed for the first ping of a quiet pool, moved
/// earlier only for a ping that must end sooner, and cancelled once the pool's last ping is
/// done, so that an idle daemon is not woken by the deadline of a ping answered long ago.
///
/// Used on the pool's event loop only.
struct PingDeadlines {
    /// Pings tracked and not yet seen done, in the order they were tracked (deadlines mostly
    /// ascending, as pings share their client's timeout).
    private var pending = CircularBuffer<PingExchange>()
    /// The armed check and the time it is for.
    private var armed: (at: NIODeadline, callback: NIOScheduledCallback)?

    /// Whether a check is armed: while a tracked ping is not done.
    var isArmed: Bool { armed != nil }

    /// Tracks `exchange` until it is done, arming the check for its deadline unless an earlier
    /// one is armed; `false` (and nothing tracked) when the loop no longer takes callbacks.
    mutating func track(_ exchange: PingExchange, on eventLoop: any EventLoop,
                        check: some NIOScheduledCallbackHandler & Sendable) -> Bool {
        trim()
        guard arm(at: exchange.deadline, on: eventLoop, check: check) else { return false }
        pending.append(exchange)
        return true
    }

    /// Forgets the done pings at the front; cancels the check once none is left.
    mutating func trim() {
        while let first = pending.first, first.isDone { pending.removeFirst() }
        if pending.isEmpty, let armed {
            armed.callback.cancel()
            self.armed = nil
        }
    }

    /// The check fired at `now`: returns the pings past their deadline, for the caller to end
    /// once this returns (their completions may track new pings), and arms the check for the
    /// earliest deadline left.
    mutating func expire(at now: NIODeadline, on eventLoop: any EventLoop,
                         check: some NIOScheduledCallbackHandler & Sendable) -> [PingExchange] {
        armed = nil
        var expired: [PingExchange] = []
        var left = CircularBuffer<PingExchange>(initialCapacity: pending.count)
        var earliest: NIODeadline?
        for exchange in pending where !exchange.isDone {
            if exchange.deadline <= now {
                expired.append(exchange)
            } else {
                left.append(exchange)
                earliest = min(earliest ?? exchange.deadline, exchange.deadline)
            }
        }
        pending = left
        // The loop refuses only once it is shut down, when no callback runs any more.
        if let earliest { _ = arm(at: earliest, on: eventLoop, check: check) }
        return expired
    }

    /// Arms the check for `deadline` unless it already comes by then.
    private mutating func arm(at deadline: NIODeadline, on eventLoop: any EventLoop,
                              check: some NIOScheduledCallbackHandler & Sendable) -> Bool {
        if let armed {
            if armed.at <= deadline { return true }
            armed.callback.cancel()
            self.armed = nil
        }
        guard let callback = try? eventLoop.scheduleCallback(at: deadline, handler: check) else { return false }
        armed = (deadline, callback)
        return true
    }
}
