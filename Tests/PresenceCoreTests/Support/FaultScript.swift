import Foundation
import PresenceCore

/// Scripted Brevo behaviour over virtual time, for the resilience tests.
final class FaultScript: @unchecked Sendable {
    private let lock = NSLock()
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// True with probability `rate`.
    func chance(_ rate: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return Double.random(in: 0..<1, using: &random) < rate
    }

    static let unavailable = PingOutcome.httpError(status: 503, code: "unavailable", message: "Service temporarily unavailable")
}

/// The longest time each agent went without a success, from `start` to `end`.
func worstGaps(_ successes: [AgentKey: [MonotonicTime]], keys: [AgentKey], start: MonotonicTime, end: MonotonicTime) -> [AgentKey: Duration] {
    var result: [AgentKey: Duration] = [:]
    for key in keys {
        let times = [start] + (successes[key] ?? []) + [end]
        result[key] = zip(times, times.dropFirst()).map { $1 - $0 }.max() ?? .zero
    }
    return result
}

/// A mutable value shared with a scripted answer (the timeline is single-threaded).
final class Box<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
