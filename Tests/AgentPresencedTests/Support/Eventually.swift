/// Polling for a condition in tests that run real processes, without a timing assert: the
/// bound only keeps a broken case from hanging the suite.
enum Eventually {
    /// Waits (polling, bounded by `timeout`) until `condition` holds; whether it did.
    static func wait(upTo timeout: Double, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return condition()
    }
}
