import Synchronization

/// The generation of the connection a call runs on, shared with the call's timer.
final class GenerationBox: Sendable {
    private let storage: Mutex<Int>

    /// Creates a box holding `value`.
    init(_ value: Int) {
        storage = Mutex(value)
    }

    /// The generation.
    var value: Int {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
