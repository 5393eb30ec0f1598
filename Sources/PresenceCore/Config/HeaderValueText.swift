/// Checks config values that are sent as HTTP header values (a bot's `OS`, `USER-REF` and
/// `LOCALE`, its OAuth2 client ID): one line of ASCII text, so a stray line break can never
/// split a request or add a header of its own.
enum HeaderValueText {
    /// Why `text` cannot be sent as a header value, or `nil` when it can; without `spaces`, a
    /// space is refused too (a locale such as `en-US` has none).
    ///
    /// Positions count characters (Unicode scalars) from 1; the message never quotes the value,
    /// which could hold the very line break it reports.
    static func problem(in text: String, spaces: Bool) -> String? {
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let place = "at character \(offset + 1)"
            switch scalar.value {
            case 0x0A, 0x0D:
                return "contains a line break (\(codePoint(scalar))) \(place); a header value is one line"
            case 0x00...0x1F, 0x7F...0x9F:
                return "contains a control character (\(codePoint(scalar))) \(place); a header value is printable text"
            case 0x20 where !spaces:
                return "contains a space \(place); write it without spaces, such as en-US"
            case 0x80...:
                return "contains a non-ASCII character (\(codePoint(scalar))) \(place); header values are ASCII"
            default:
                continue
            }
        }
        return nil
    }

    /// `U+000A`: at least four upper-case hex digits.
    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
