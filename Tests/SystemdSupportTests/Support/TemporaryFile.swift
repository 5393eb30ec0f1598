import Glibc

/// An open temporary file, giving tests a real descriptor with a known device and inode.
final class TemporaryFile {
    let descriptor: Int32
    private let path: String

    init() {
        var template = Array("/tmp/apd-stream-XXXXXX".utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The `JOURNAL_STREAM` value systemd would set for this file: `<device>:<inode>`.
    var journalStreamValue: String {
        var status = stat()
        _ = fstat(descriptor, &status)
        return "\(status.st_dev):\(status.st_ino)"
    }

    deinit {
        close(descriptor)
        unlink(path)
    }
}
