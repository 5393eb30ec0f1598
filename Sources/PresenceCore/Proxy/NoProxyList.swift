/// The hosts reached directly although a proxy is set: `no_proxy` as curl reads it.
///
/// Entries are host names or IP addresses, separated by commas or spaces. A name matches
/// itself and every name under it (`example.com` and `.example.com` both match
/// `api.example.com`); `*` alone matches every host. Case does not matter; a port after an
/// entry is ignored.
public struct NoProxyList: Hashable, Sendable, CustomStringConvertible {
    /// The entries, lower-cased, without leading dots, brackets or ports.
    public private(set) var entries: [String]
    /// Whether `*` was among them.
    public private(set) var matchesEverything: Bool

    /// Reads `text`, such as `localhost,127.0.0.1,.internal.example`.
    public init(parsing text: String) {
        self.init(text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init))
    }

    /// Reads each of `items` as one entry.
    public init(_ items: [String]) {
        var entries: [String] = []
        var everything = false
        for item in items {
            let entry = Self.normalized(item)
            if entry == "*" { everything = true } else if !entry.isEmpty, !entries.contains(entry) { entries.append(entry) }
        }
        self.entries = entries
        matchesEverything = everything
    }

    /// No entries: every host goes through the proxy.
    public static let empty = NoProxyList([])

    /// Whether requests to `host` bypass the proxy.
    public func matches(host: String) -> Bool {
        if matchesEverything { return true }
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        while name.hasSuffix(".") { name.removeLast() }
        return entries.contains { name == $0 || name.hasSuffix("." + $0) }
    }

    /// The entries, comma-separated, as `check` prints them.
    public var description: String {
        let all = (matchesEverything ? ["*"] : []) + entries
        return all.isEmpty ? "(none)" : all.joined(separator: ",")
    }

    private static func normalized(_ item: String) -> String {
        var entry = ConfigText.trimmed(item).lowercased()
        if entry.hasPrefix("["), let close = entry.firstIndex(of: "]") {
            return String(entry[entry.index(after: entry.startIndex)..<close])
        }
        // A single colon separates a port; more than one is an IPv6 address.
        if entry.filter({ $0 == ":" }).count == 1, let colon = entry.firstIndex(of: ":") { entry = String(entry[..<colon]) }
        while entry.hasPrefix(".") { entry.removeFirst() }
        while entry.hasSuffix(".") { entry.removeLast() }
        return entry
    }
}
