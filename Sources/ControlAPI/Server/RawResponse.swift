import NIOCore
import NIOHTTP1

/// A whole HTTP/1.1 answer as bytes, for answers written outside NIO's HTTP state machines:
/// to a connection over the cap (no HTTP handlers at all), or before any request head was
/// parsed (a 408 to a slow client), where the pipelining handler expects no answer.
enum RawResponse {
    /// `response` as an HTTP/1.1 message that ends the connection.
    static func bytes(_ response: ControlResponse) -> [UInt8] {
        let reason = HTTPResponseStatus(statusCode: response.status).reasonPhrase
        var text = "HTTP/1.1 \(response.status) \(reason)\r\n"
        text += "Content-Type: application/json\r\n"
        text += "Content-Length: \(response.body.count)\r\n"
        text += "Connection: close\r\n"
        for field in response.headers {
            text += "\(field.name): \(field.value)\r\n"
        }
        text += "\r\n"
        return Array(text.utf8) + response.body
    }

    /// Writes `response` as bytes from `context` towards the socket, then closes.
    static func answerAndClose(_ response: ControlResponse, context: ChannelHandlerContext) {
        let buffer = context.channel.allocator.buffer(bytes: bytes(response))
        context.writeAndFlush(NIOAny(buffer)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
