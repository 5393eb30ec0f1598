import NIOCore
import NIOHTTP1

/// NIO's HTTP/1.1 response parser (`HTTPResponseDecoder`, llhttp) for a connection whose
/// requests are written as ready-made bytes.
///
/// `ByteToMessageHandler(HTTPResponseDecoder())` would watch the writes for request heads and
/// trap on a plain `ByteBuffer`, so this wrapper hides the decoder's write side; the connection
/// tells the decoder of each request itself with ``expectAnswer()``, which the parser needs to
/// match an answer to its request.
struct PingResponseDecoder: ByteToMessageDecoder {
    /// The parts of one answer: head, body parts, end.
    typealias InboundOut = HTTPClientResponsePart

    /// The request head the parser is told of before each ping: only its method matters
    /// (`POST`, so the answer may have a body). Made once.
    private static let postHead = HTTPRequestHead(version: .http1_1, method: .POST, uri: "/")

    /// The parser; a class, shared with the connection through ``expectAnswer()``.
    private let decoder: HTTPResponseDecoder

    /// Creates a parser that drops bytes left over when it is removed (never: it stays for the
    /// connection's life).
    init() {
        decoder = HTTPResponseDecoder(leftOverBytesStrategy: .dropBytes)
    }

    /// Tells the parser that a request went out, so that the next answer is taken as its answer.
    func expectAnswer() {
        decoder.write(data: .head(Self.postHead))
    }

    /// Starts the parser (it needs to know its delegate and start llhttp).
    mutating func decoderAdded(context: ChannelHandlerContext) {
        decoder.decoderAdded(context: context)
    }

    /// Stops the parser.
    mutating func decoderRemoved(context: ChannelHandlerContext) {
        decoder.decoderRemoved(context: context)
    }

    /// Parses what arrived.
    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        try decoder.decode(context: context, buffer: &buffer)
    }

    /// Parses what is left when the connection ends (an answer delimited by the close ends here).
    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decoder.decodeLast(context: context, buffer: &buffer, seenEOF: seenEOF)
    }
}
