import Foundation
import NIOCore
import NIOHTTP1

/// Gathers one HTTP request from its parts, as both stand-ins read them: the head, a body of
/// at most `limit` bytes (a larger one is dropped and flagged, for a 413), and when it arrived.
struct RequestReader {
    /// One request, read to its end.
    struct Request {
        var head: HTTPRequestHead
        var body: [UInt8]
        var bodyTooLarge: Bool
        var receivedAt: Date
        var monotonicNanoseconds: UInt64

        /// The path, without the query.
        var path: String { String(head.uri.prefix { $0 != "?" }) }

        /// The query, without its `?`, when there is one.
        var query: String? {
            head.uri.firstIndex(of: "?").map { String(head.uri[head.uri.index(after: $0)...]) }
        }
    }

    /// The most body kept.
    let limit: Int
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var bodyTooLarge = false
    private var receivedAt = Date()
    private var receivedNanoseconds: UInt64 = 0

    /// A reader keeping bodies of at most `limit` bytes.
    init(limit: Int) {
        self.limit = limit
    }

    /// Takes one part; returns the request once its end has come.
    mutating func read(_ part: HTTPServerRequestPart) -> Request? {
        switch part {
        case .head(let head):
            self.head = head
            body.removeAll(keepingCapacity: true)
            bodyTooLarge = false
            receivedAt = Date()
            receivedNanoseconds = StandInEngine.monotonicNow()
        case .body(var buffer):
            guard !bodyTooLarge else { return nil }
            if body.count + buffer.readableBytes > limit {
                bodyTooLarge = true
                body.removeAll()
            } else {
                body += buffer.readBytes(length: buffer.readableBytes) ?? []
            }
        case .end:
            guard let head else { return nil }
            self.head = nil
            defer { body.removeAll() }
            return Request(head: head, body: body, bodyTooLarge: bodyTooLarge, receivedAt: receivedAt, monotonicNanoseconds: receivedNanoseconds)
        }
        return nil
    }
}
