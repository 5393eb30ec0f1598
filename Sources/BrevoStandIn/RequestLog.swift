#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Appends one JSON line per request to a file, in batches, for the benchmark and the
/// end-to-end tests to read.
///
/// Lines are written when 256 are waiting, when ``flush()`` is called (the stand-in does so
/// every 250 ms), and on ``close()``.
final class RequestLog: Sendable {
    private struct State {
        var descriptor: Int32
        var pending: [UInt8] = []
        var pendingLines = 0
    }

    private let state: Mutex<State>

    /// Opens (creating or appending to) `path`.
    init(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StandInError.cannotOpenLog(path: path, errno: errno)
        }
        state = Mutex(State(descriptor: descriptor))
    }

    /// Queues the line of one request.
    func append(_ record: RecordedRequest) {
        append(line: Self.line(for: record))
    }

    /// Queues `line`, which ends with a newline.
    func append(line: String) {
        state.withLock { state in
            state.pending.append(contentsOf: line.utf8)
            state.pendingLines += 1
            if state.pendingLines >= 256 { Self.drain(&state) }
        }
    }

    /// Writes the waiting lines.
    func flush() {
        state.withLock { Self.drain(&$0) }
    }

    /// Writes the waiting lines and closes the file; later calls do nothing.
    func close() {
        state.withLock { state in
            Self.drain(&state)
            if state.descriptor >= 0 {
                _ = posixClose(state.descriptor)
                state.descriptor = -1
            }
        }
    }

    private static func drain(_ state: inout State) {
        guard state.descriptor >= 0, !state.pending.isEmpty else { return }
        let descriptor = state.descriptor
        var offset = 0
        state.pending.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = posixWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
        state.pending.removeAll(keepingCapacity: true)
        state.pendingLines = 0
    }

    /// `{"t":1712345678.123,"agent":"ag1","status":201,"user_agent":"agent-presenced/0.2.0"}`
    static func line(for record: RecordedRequest) -> String {
        let millis = Int64((record.receivedAt.timeIntervalSince1970 * 1000).rounded())
        let fraction = String(millis % 1000)
        let t = "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        let agent = record.agent.map { "\"" + StandInErrorBody.escape($0) + "\"" } ?? "null"
        let status = record.status.map(String.init) ?? "null"
        // Which daemon sent it: in a cluster the User-Agent names the node.
        let userAgent = record.userAgent.map { "\"" + StandInErrorBody.escape($0) + "\"" } ?? "null"
        return "{\"t\":\(t),\"agent\":\(agent),\"status\":\(status),\"user_agent\":\(userAgent)}\n"
    }
}

// File-scope wrappers: inside `RequestLog`, `close` and `write` would name its own methods.
private func posixClose(_ descriptor: Int32) -> Int32 { close(descriptor) }

private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
