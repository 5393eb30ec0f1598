import NIOCore
import NIOHTTP1

/// Gathers one HTTP response on a client connection and completes a promise with it.
final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let promise: EventLoopPromise<(status: Int, body: [UInt8])>
    private let path: String
    private var status: Int?
    private var body: [UInt8] = []

    init(promise: EventLoopPromise<(status: Int, body: [UInt8])>, path: String) {
        self.promise = promise
        self.path = path
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            if let status {
                promise.succeed((status, body))
            }
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        // A promise already completed ignores this.
        promise.fail(ControlClientError.badResponse(path: path, reason: "the connection closed before the answer ended"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(ControlClientError.badResponse(path: path, reason: "\(error)"))
        context.close(promise: nil)
    }
}
