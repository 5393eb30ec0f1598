import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Collects an answer's status, headers and at most `limit` body bytes.
///
/// A longer body stops the transfer: the delegate keeps what it read as ``cutAnswer`` and
/// fails the task, so the caller still reports the status while the connection is dropped
/// rather than reused.
final class BoundedAnswerDelegate: HTTPClientResponseDelegate, Sendable {
    typealias Response = BrevoClient.RawAnswer

    /// Thrown to stop reading a body past the limit.
    struct BodyTooLarge: Error {}

    private let limit: Int
    private let state = Mutex<(head: HTTPResponseHead?, body: [UInt8], cut: Bool)>((nil, [], false))

    init(limit: Int) {
        self.limit = limit
    }

    /// The answer as far as it was read, when the body was too large.
    var cutAnswer: BrevoClient.RawAnswer? {
        state.withLock { state in
            guard state.cut, let head = state.head else { return nil }
            return BrevoClient.RawAnswer(status: Int(head.status.code), headers: head.headers, body: state.body)
        }
    }

    func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        state.withLock { $0.head = head }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let overflow = state.withLock { state -> Bool in
            let room = limit - state.body.count
            state.body += buffer.getBytes(at: buffer.readerIndex, length: min(room, buffer.readableBytes)) ?? []
            if buffer.readableBytes > room { state.cut = true }
            return state.cut
        }
        return overflow ? task.eventLoop.makeFailedFuture(BodyTooLarge()) : task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Response>) throws -> Response {
        try state.withLock { state in
            guard let head = state.head else { throw HTTPClientError.remoteConnectionClosed }
            return BrevoClient.RawAnswer(status: Int(head.status.code), headers: head.headers, body: state.body)
        }
    }
}
