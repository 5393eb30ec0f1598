import NIOCore
import PresenceCore

/// The JSON body of `agentOnlinePing`.
///
/// Either `{"agentId", "receivedFrom"?}` or `{"agentEmail", "agentName", "receivedFrom"}`:
/// Brevo requires `receivedFrom` in the email form, so a default tag fills in when none is set.
struct PingRequestBody: Encodable, Equatable, Sendable {
    /// The `receivedFrom` sent in the email form when the config sets none.
    static let defaultReceivedFrom = "agent-presenced"

    var agentId: String?
    var agentEmail: String?
    var agentName: String?
    var receivedFrom: String?

    init(_ request: PingRequest) {
        let tag = request.receivedFrom.flatMap { $0.isEmpty ? nil : $0 }
        switch request.identity {
        case .id(let id):
            agentId = id
            receivedFrom = tag
        case .email(let email, let name):
            agentEmail = email
            agentName = name
            receivedFrom = tag ?? Self.defaultReceivedFrom
        }
    }

    /// The body's bytes; nil fields are left out, keys sorted, as ``write(into:)`` writes them.
    func encoded() -> [UInt8] {
        var buffer = ByteBuffer()
        write(into: &buffer)
        return Array(buffer.readableBytesView)
    }

    /// Appends the body's JSON to `buffer`: the fields that are set, keys sorted, no spaces,
    /// strings escaped as JSON requires (quote, backslash and control characters; `/` as is),
    /// the same bytes as `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes`.
    func write(into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "{"))
        var first = true
        Self.write("\"agentEmail\":", agentEmail, first: &first, into: &buffer)
        Self.write("\"agentId\":", agentId, first: &first, into: &buffer)
        Self.write("\"agentName\":", agentName, first: &first, into: &buffer)
        Self.write("\"receivedFrom\":", receivedFrom, first: &first, into: &buffer)
        buffer.writeInteger(UInt8(ascii: "}"))
    }

    /// Appends `key` and `value` (with a comma unless it is the `first` field), when set.
    private static func write(_ key: StaticString, _ value: String?, first: inout Bool, into buffer: inout ByteBuffer) {
        guard let value else { return }
        if !first { buffer.writeInteger(UInt8(ascii: ",")) }
        first = false
        buffer.writeStaticString(key)
        writeJSONString(value, into: &buffer)
    }

    /// Appends `text` as a JSON string, quotes included.
    private static func writeJSONString(_ text: String, into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "\""))
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            buffer.writeString(text)
        } else {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x08: buffer.writeStaticString("\\b")
                case 0x0C: buffer.writeStaticString("\\f")
                case ..<0x20:
                    let hex: StaticString = "0123456789abcdef"
                    buffer.writeStaticString("\\u00")
                    buffer.writeInteger(hex.utf8Start[Int(byte >> 4)])
                    buffer.writeInteger(hex.utf8Start[Int(byte & 0x0F)])
                default: buffer.writeInteger(byte)
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }
}
