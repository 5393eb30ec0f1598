/// Turns arbitrary metadata keys into field names journald accepts.
///
/// journald silently drops fields whose names are not `[A-Z0-9_]`, start with `_` (reserved for
/// trusted fields) or a digit, or exceed 64 characters.
public enum JournalFieldName {
    /// The longest field name journald accepts.
    public static let maxLength = 64

    /// The valid field name for `key`, or `nil` when nothing usable is left.
    ///
    /// ASCII letters are upper-cased, every other character outside `[A-Z0-9_]` becomes `_`,
    /// leading underscores are stripped, a leading digit gets an `F_` prefix, and the result is
    /// cut to ``maxLength``: `agent-id` → `AGENT_ID`, `http.status` → `HTTP_STATUS`,
    /// `_x` → `X`, `2fa` → `F_2FA`, `""` and `"__"` → `nil`.
    public static func sanitize(_ key: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count)
        for scalar in key.unicodeScalars {
            bytes.append(mapped(scalar))
        }
        let body = bytes.drop { $0 == UInt8(ascii: "_") }
        guard let first = body.first else { return nil }
        let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        let named = (isDigit ? Array("F_".utf8) : []) + body
        return String(decoding: named.prefix(maxLength), as: UTF8.self)
    }

    /// Whether `name` is already a field name journald accepts from a client.
    public static func isValid(_ name: String) -> Bool {
        sanitize(name) == name
    }

    private static func mapped(_ scalar: Unicode.Scalar) -> UInt8 {
        switch scalar {
        case "A"..."Z", "0"..."9", "_": UInt8(scalar.value)
        case "a"..."z": UInt8(scalar.value) - 0x20
        default: UInt8(ascii: "_")
        }
    }
}
