import AsyncHTTPClient
import NIOCore

/// The whole head of one account's ping request, encoded once per credentials change up to
/// `Content-Length: `; a ping only adds its length, the blank line and its JSON body.
///
/// The request line is in origin-form (`POST /v3/… HTTP/1.1`), or in absolute-form
/// (`POST http://host:port/v3/… HTTP/1.1`) when a plain-HTTP URL goes through a proxy, which
/// then also gets `Proxy-Authorization` when the proxy has credentials. The header values are
/// checked here, once: a key or user agent that could break the head (CR, LF, other control
/// characters) fails every ping of the account instead.
struct PingRequestHead: Sendable {
    /// The encoded head, from the request line to `Content-Length: ` inclusive.
    let bytes: ByteBuffer

    /// Room left between the head and the body for the length's digits and the blank line.
    private static let lengthRoom = 24

    /// Encodes the head of pings to `endpoint` with `apiKey` and `userAgent`.
    ///
    /// - Throws: `HTTPClientError.invalidHeaderFieldValues` (naming no value) when the key or the
    ///   user agent holds a character a header value cannot hold.
    init(endpoint: PingEndpoint, apiKey: String, userAgent: String) throws {
        guard Self.isValidFieldValue(apiKey), Self.isValidFieldValue(userAgent) else {
            // The values stay out of the error: its description would print the key.
            throw HTTPClientError.invalidHeaderFieldValues([])
        }
        var text = "POST "
        if endpoint.usesAbsoluteForm {
            text += "http://\(endpoint.hostHeader)"
        }
        text += "\(endpoint.path) HTTP/1.1\r\n"
        text += "Host: \(endpoint.hostHeader)\r\n"
        text += "Content-Type: application/json\r\n"
        text += "Accept: application/json\r\n"
        text += "User-Agent: \(userAgent)\r\n"
        text += "api-key: \(apiKey)\r\n"
        if endpoint.usesAbsoluteForm, let authorization = endpoint.transport.proxy?.basicAuthorization {
            text += "Proxy-Authorization: \(authorization)\r\n"
        }
        text += "Content-Length: "
        bytes = ByteBuffer(string: text)
    }

    /// The whole request of one ping with `body`: the head, the body's length, the blank line
    /// and the body, in one buffer ready to write.
    ///
    /// The body is encoded straight into the buffer after room for its length; the head is then
    /// moved up against the length, so nothing is encoded twice.
    func request(_ body: PingRequestBody, allocator: ByteBufferAllocator) -> ByteBuffer {
        let headLength = bytes.readableBytes
        let bodyStart = headLength + Self.lengthRoom
        var buffer = allocator.buffer(capacity: bodyStart + 160)
        buffer.writeImmutableBuffer(bytes)
        buffer.writeRepeatingByte(0, count: Self.lengthRoom)
        body.write(into: &buffer)
        let length = buffer.writerIndex - bodyStart
        // The length's digits and CRLF CRLF end right where the body starts.
        var digits = 1
        var rest = length / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let lengthStart = bodyStart - 4 - digits
        var value = length
        for index in stride(from: lengthStart + digits - 1, through: lengthStart, by: -1) {
            buffer.setInteger(UInt8(ascii: "0") + UInt8(value % 10), at: index)
            value /= 10
        }
        buffer.setInteger(UInt32(0x0D0A_0D0A), at: bodyStart - 4)
        let headStart = lengthStart - headLength
        // Readable bytes only, and the ranges may overlap: copyBytes moves them like memmove.
        _ = try? buffer.copyBytes(at: 0, to: headStart, length: headLength)
        buffer.moveReaderIndex(to: headStart)
        return buffer
    }

    /// Whether `value` is a valid header field value: visible ASCII, spaces, tabs and
    /// non-ASCII bytes, nothing else (no CR, LF, NUL or other control characters).
    static func isValidFieldValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }
    }
}
