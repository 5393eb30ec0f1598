/// One segment of a request path: agent keys travel percent-encoded as a single segment
/// (`sales/id:abc` as `sales%2Fid%3Aabc`), so a key may hold `/` and `:`.
enum PathSegment {
    /// The bytes a segment may carry as they are (RFC 3986 unreserved); everything else is
    /// encoded, which keeps `/`, `:`, `%`, `?` and `#` of a key from being read as syntax.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// `text` percent-encoded as one path segment.
    static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The key a raw segment names, decoded; refuses what could not be one agent's key.
    ///
    /// `.` and `..` are refused (raw or encoded) so no proxy or client library normalising
    /// paths can turn a key into a different route; NUL is refused because keys end up in
    /// file names and C strings (the override store, the journal).
    static func decodeKey(_ raw: Substring) throws(ControlRequestError) -> String {
        guard !raw.isEmpty else { throw .badRequest("the agent key in the path is empty") }
        let bytes = Array(raw.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = bytes[index + 1].hexDigitValue, let low = bytes[index + 2].hexDigitValue else {
                    throw .badRequest("the agent key in the path has a bad percent-encoding (a % must start %XX)")
                }
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        guard let key = String(validating: decoded, as: UTF8.self) else {
            throw .badRequest("the agent key in the path is not UTF-8 once percent-decoded")
        }
        guard !key.isEmpty else { throw .badRequest("the agent key in the path is empty") }
        guard !decoded.contains(0) else { throw .badRequest("the agent key in the path contains a NUL byte") }
        guard key != ".", key != ".." else { throw .badRequest("the agent key in the path cannot be \"\(key)\"") }
        return key
    }
}
