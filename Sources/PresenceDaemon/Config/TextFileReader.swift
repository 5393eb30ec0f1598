#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small text file as read: its text and permission bits.
struct TextFile: Sendable {
    /// The file's UTF-8 text.
    let text: String
    /// The permission bits (`st_mode & 0o7777`), for the key file's mode check.
    let permissions: UInt32
}

/// Why a file could not be read, worded for an issue whose location already names the path.
enum TextFileProblem: Error, Equatable {
    case notFound
    case isFolder
    case notRegularFile
    /// Bigger than the reader's limit, in bytes.
    case tooLarge(limit: Int)
    case unreadable(String)
    /// The first byte that is not valid UTF-8: its value, 0-based offset and 1-based line.
    case notUTF8(byte: UInt8, offset: Int, line: Int)

    /// The problem in words; never the file's contents.
    var message: String {
        switch self {
        case .notFound: "does not exist"
        case .isFolder: "is a folder, not a file"
        case .notRegularFile: "is not a regular file"
        case .tooLarge(let limit): "is larger than \(Self.size(limit)); this cannot be the right file"
        case .unreadable(let reason): "cannot be read: \(reason)"
        case let .notUTF8(byte, offset, line):
            "is not UTF-8 text: invalid byte 0x\(Self.hex(byte)) at offset \(offset) (line \(line))"
        }
    }

    /// `64 MiB`, `64 KiB` or a byte count.
    private static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}

/// Reads whole text files with POSIX calls, so each failure gets its own errno-based message.
enum TextFileReader {
    /// The limit for config and drop-in files: a one-file roster of 100,000 agents is about 4 MB.
    static let configSizeLimit = 64 << 20

    /// The limit for the API key file, which holds one short line.
    static let keySizeLimit = 64 << 10

    /// Reads the file at `path` as UTF-8 text, refusing one larger than `sizeLimit` bytes.
    static func contents(of path: String, sizeLimit: Int) -> Result<TextFile, TextFileProblem> {
        var info = stat()
        // stat before open: opening a FIFO by mistake would block the daemon.
        guard stat(path, &info) == 0 else { return .failure(problem(errno: errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .failure(.isFolder)
        case S_IFREG: break
        default: return .failure(.notRegularFile)
        }
        // The size stat reports is a hint (a file can grow while read); the read loop decides.
        if Int(info.st_size) > sizeLimit { return .failure(.tooLarge(limit: sizeLimit)) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(problem(errno: errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(info.st_size), sizeLimit) + 1)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(problem(errno: errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > sizeLimit { return .failure(.tooLarge(limit: sizeLimit)) }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(invalidUTF8(in: bytes)) }
        return .success(TextFile(text: text, permissions: UInt32(info.st_mode) & 0o7777))
    }

    /// Where `bytes` stops being UTF-8; only called once validation has failed.
    static func invalidUTF8(in bytes: [UInt8]) -> TextFileProblem {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        parsing: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: break parsing
            case .emptyInput: break parsing
            }
        }
        // Validation failed, so the parser stopped at an error before the end.
        guard !bytes.isEmpty else { return .notUTF8(byte: 0, offset: 0, line: 1) }
        let at = min(offset, bytes.count - 1)
        let line = bytes[..<at].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return .notUTF8(byte: bytes[at], offset: at, line: line)
    }

    private static func problem(errno code: Int32) -> TextFileProblem {
        switch code {
        case ENOENT: .notFound
        case EISDIR: .isFolder
        default: .unreadable(String(cString: strerror(code)))
        }
    }
}
