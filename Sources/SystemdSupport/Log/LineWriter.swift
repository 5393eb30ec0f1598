import Glibc

/// Writes complete log lines; injectable so tests can capture what a handler writes.
public struct LineWriter: Sendable {
    private let body: @Sendable (String) -> Void

    /// Creates a writer from a closure receiving each complete line (with its trailing newline).
    public init(_ body: @escaping @Sendable (String) -> Void) {
        self.body = body
    }

    /// Writes one complete line.
    public func write(_ line: String) {
        body(line)
    }

    /// Writes each line to stderr with write(2), unbuffered.
    public static let standardError = LineWriter.fileDescriptor(STDERR_FILENO)

    /// Writes each line to `descriptor` in one write(2) call (continuing only after a short write
    /// or EINTR), so lines from several threads do not interleave and nothing sits in a buffer.
    public static func fileDescriptor(_ descriptor: Int32) -> LineWriter {
        LineWriter { line in
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                var offset = 0
                while offset < raw.count {
                    let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0 && errno == EINTR {
                        continue
                    } else {
                        return  // a closed or full stderr must not stop the service
                    }
                }
            }
        }
    }
}
