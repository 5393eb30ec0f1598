/// Percent-encoding (RFC 3986) for the two places a probe puts text into a request: a URL path
/// segment and an `application/x-www-form-urlencoded` field.
enum PercentEncoding {
    /// `text` as one path segment: every byte outside the unreserved set (`A-Z a-z 0-9 - . _ ~`)
    /// is `%XX`, so a `/`, `?` or `#` in a session code cannot change the path.
    static func pathSegment(_ text: String) -> String {
        encode(text)
    }

    /// `text` as a form field's name or value, encoded the same strict way (a space is `%20`,
    /// which every form decoder reads).
    static func formComponent(_ text: String) -> String {
        encode(text)
    }

    /// `fields` as an `application/x-www-form-urlencoded` body.
    static func form(_ fields: [(String, String)]) -> String {
        fields.map { formComponent($0.0) + "=" + formComponent($0.1) }.joined(separator: "&")
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func encode(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
