import CSystemd
import Glibc

/// Where ``JournalLogHandler`` hands the built fields: the system journal, or a test's capture.
public struct JournalSink: Sendable {
    private let body: @Sendable ([JournalField]) -> Void

    /// Creates a sink from a closure receiving each entry's fields.
    public init(_ body: @escaping @Sendable ([JournalField]) -> Void) {
        self.body = body
    }

    /// Hands one entry to the sink.
    public func write(_ fields: [JournalField]) {
        body(fields)
    }

    /// Sends entries to journald with `sd_journal_sendv`; if that fails (no journal socket),
    /// the message goes to stderr with a `<N>` prefix rather than being lost.
    public static let systemJournal = JournalSink { fields in
        guard send(fields) < 0 else { return }
        let priority = fields.first { $0.name == "PRIORITY" }?.text ?? "6"
        let message = fields.first { $0.name == "MESSAGE" }?.text ?? ""
        LineWriter.standardError.write("<\(priority)>\(OneLineText.sanitize(message))\n")
    }

    /// Sends one entry; returns sd_journal_sendv's result (0, or a negative errno).
    ///
    /// All assignments are packed into one buffer so a single pointer stays valid while the
    /// iovecs point into it; no fixed-size buffer limits a value.
    static func send(
        _ fields: [JournalField],
        through sendv: (UnsafePointer<iovec>?, Int32) -> Int32 = { sd_journal_sendv($0, $1) }
    ) -> Int32 {
        guard !fields.isEmpty else { return 0 }
        var buffer: [UInt8] = []
        var spans: [(offset: Int, length: Int)] = []
        spans.reserveCapacity(fields.count)
        buffer.reserveCapacity(fields.reduce(0) { $0 + $1.name.utf8.count + 1 + $1.value.count })
        for field in fields {
            let start = buffer.count
            buffer.append(contentsOf: field.name.utf8)
            buffer.append(UInt8(ascii: "="))
            buffer.append(contentsOf: field.value)
            spans.append((start, buffer.count - start))
        }
        return buffer.withUnsafeMutableBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return -EINVAL }
            let vectors = spans.map { iovec(iov_base: base + $0.offset, iov_len: $0.length) }
            return vectors.withUnsafeBufferPointer { vectorBuffer in
                sendv(vectorBuffer.baseAddress, Int32(clamping: vectorBuffer.count))
            }
        }
    }
}
