import Synchronization

/// A completion that runs at most once, whoever gets there first (the statement or its timer).
final class CompletionOnce<Value: Sendable>: Sendable {
    private let completion: Mutex<(@Sendable (Value) -> Void)?>

    /// Wraps `completion`.
    init(_ completion: @escaping @Sendable (Value) -> Void) {
        self.completion = Mutex(completion)
    }

    /// Calls the completion with `value` unless it was called already; true when this call did.
    @discardableResult
    func complete(_ value: Value) -> Bool {
        guard let completion = claim() else { return false }
        completion(value)
        return true
    }

    /// Takes the completion for the caller to call (after cleaning up), or nil when it was taken
    /// already.
    func claim() -> (@Sendable (Value) -> Void)? {
        completion.withLock { $0.take() }
    }
}
