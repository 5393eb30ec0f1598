#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This machine's host name: the default name of its node in a cluster.
public enum HostName {
    /// The host name (`gethostname`), cut at the first dot; `localhost` when it cannot be read.
    ///
    /// Short, because it goes into `User-Agent`, the journal and the lease row, where
    /// `web-1` says as much as `web-1.prod.example.com`.
    public static func current() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let short = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
        return short.isEmpty ? "localhost" : short
    }
}
