import Yams

/// YAML 1.1 typing of scalars (null, booleans, integers), decided from the text and its style.
///
/// The config is composed with Yams' rule-less resolver because the default one runs up to seven
/// regular expressions on every scalar: that was three quarters of the time of loading a large
/// roster. Only the few typed settings ask here, and only plain (unquoted) scalars have a type,
/// as in YAML: `enabled: "false"` is text. An explicit `!!null`, `!!bool` or `!!int` tag is honoured.
enum PlainScalar {
    /// `~`, `null`, `Null`, `NULL` or nothing at all, unquoted.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        if hasExplicitTag(scalar, .null) { return true }
        guard isPlain(scalar) else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The YAML 1.1 booleans (`true`, `yes`, `on` and their opposites, in three spellings each).
    static func bool(_ scalar: Node.Scalar) -> Bool? {
        guard isPlain(scalar) || hasExplicitTag(scalar, .bool) else { return nil }
        switch scalar.string {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// A whole number such as `100`, `+7`, `1_000` or `0x1F`.
    static func int(_ scalar: Node.Scalar) -> Int? {
        guard isPlain(scalar) || hasExplicitTag(scalar, .int) else { return nil }
        var plain = scalar
        plain.style = .plain
        return Int.construct(from: plain)
    }

    private static func isPlain(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain || scalar.style == .any
    }

    private static func hasExplicitTag(_ scalar: Node.Scalar, _ name: Tag.Name) -> Bool {
        scalar.tag.description == name.rawValue
    }
}
