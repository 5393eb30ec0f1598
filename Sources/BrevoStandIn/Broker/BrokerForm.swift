import Foundation

/// An `application/x-www-form-urlencoded` body, read: the token request's fields.
struct BrokerForm: Sendable {
    private var fields: [String: String] = [:]

    /// Reads `body`; a field given twice keeps its first value, a malformed one is skipped.
    init(_ body: [UInt8]) {
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), fields[name] == nil else { continue }
            fields[name] = parts.count == 2 ? Self.decode(parts[1]) : ""
        }
    }

    /// The value of field `name`.
    subscript(name: String) -> String? { fields[name] }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
