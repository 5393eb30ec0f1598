import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Collects an answer's status, headers and at most `limit` body bytes.
///
/// A longer body stops the transfer: the delegate keeps what it read as ``cutAnswer`` and
/// fails the task, so the caller still reports the status while the connection is dropped
/// rather than reused.
package final class BoundedAnswerDelegate: HTTPClientResponseDelegate, Sendable {
    /// What the delegate hands back: the status, headers and the body as far as it was read.
    package typealias Response = BrevoClient.RawAnswer

    /// Thrown to stop reading a body past the limit.
    package struct BodyTooLarge: Error {}

    private let limit: Int
    private let state = Mutex<(head: HTTPResponseHead?, body: [UInt8], cut: Bool)>((nil, [], false))

    /// Creates a delegate that keeps at most `limit` body bytes.
    package init(limit: Int) {
        self.limit = limit
    }

    /// The answer as far as it was read, when the body was too large.
    package var cutAnswer: BrevoClient.RawAnswer? {
        state.withLock { state in
            guard state.cut, let head = state.head else { return nil }
            return BrevoClient.RawAnswer(status: Int(head.status.code), headers: head.headers, body: state.body)
        }
    }

    /// Keeps the answer's head.
    package func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        state.withLock { $0.head = head }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    /// Keeps the part of `buffer` that fits under the limit; fails the task past it.
    package func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let overflow = state.withLock { state -> Bool in
            let room = limit - state.body.count
            state.body += buffer.getBytes(at: buffer.readerIndex, length: min(room, buffer.readableBytes)) ?? []
            if buffer.readableBytes > room { state.cut = true }
            return state.cut
        }
        return overflow ? task.eventLoop.makeFailedFuture(BodyTooLarge()) : task.eventLoop.makeSucceededVoidFuture()
    }

    /// The answer as read.
    package func didFinishRequest(task: HTTPClient.Task<Response>) throws -> Response {
        try state.withLock { state in
            guard let head = state.head else { throw HTTPClientError.remoteConnectionClosed }
            return BrevoClient.RawAnswer(status: Int(head.status.code), headers: head.headers, body: state.body)
        }
    }
}
