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
    case tooLarge
    case unreadable(String)
    case notUTF8

    /// The problem in words; never the file's contents.
    var message: String {
        switch self {
        case .notFound: "does not exist"
        case .isFolder: "is a folder, not a file"
        case .notRegularFile: "is not a regular file"
        case .tooLarge: "is larger than 1 MiB; this is not a config file"
        case .unreadable(let reason): "cannot be read: \(reason)"
        case .notUTF8: "is not UTF-8 text"
        }
    }
}

/// Reads whole small text files with POSIX calls, so each failure gets its own errno-based message.
enum TextFileReader {
    /// Config and key files are small; a bigger file is a mistake, not something to load.
    static let sizeLimit = 1 << 20

    /// Reads the file at `path` as UTF-8 text.
    static func contents(of path: String) -> Result<TextFile, TextFileProblem> {
        var info = stat()
        // stat before open: opening a FIFO by mistake would block the daemon.
        guard stat(path, &info) == 0 else { return .failure(problem(errno: errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .failure(.isFolder)
        case S_IFREG: break
        default: return .failure(.notRegularFile)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(problem(errno: errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(problem(errno: errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > sizeLimit { return .failure(.tooLarge) }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(TextFile(text: text, permissions: UInt32(info.st_mode) & 0o7777))
    }

    private static func problem(errno code: Int32) -> TextFileProblem {
        switch code {
        case ENOENT: .notFound
        case EISDIR: .isFolder
        default: .unreadable(String(cString: strerror(code)))
        }
    }
}
