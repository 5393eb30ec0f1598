import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// SIGINT (Ctrl-C) and SIGTERM as a clean stop for a foreground loop: the loop is cancelled and
/// allowed to finish (a live view shows the cursor again) instead of the process dying mid-line.
enum InterruptSignals {
    /// Runs `body` until it returns, or until SIGINT or SIGTERM arrives: then `body`'s task is
    /// cancelled and awaited.
    static func run(_ body: @escaping @Sendable () async -> Void) async {
        let task = Task { await body() }
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { task.cancel() }
            source.activate()
            return source
        }
        await task.value
        for source in sources { source.cancel() }
    }
}
