import Foundation
import NIOHTTP1

/// A fully read request, as the Broker stand-in's HTTP handler hands it to its engine.
struct BrokerIncomingRequest: Sendable {
    var connection: Int
    var method: String
    var path: String
    /// The query without its `?`, when there was one.
    var query: String?
    var headers: HTTPHeaders
    var body: [UInt8]
    /// The body went over the stand-in's limit and was discarded.
    var bodyTooLarge: Bool
    var receivedAt: Date
    var monotonicNanoseconds: UInt64

    /// The first value of the header `name`.
    func header(_ name: String) -> String? {
        headers.first(name: name)
    }

    /// The body as a JSON object, or `nil` when it is not one.
    var jsonObject: [String: Any]? {
        guard !bodyTooLarge, !body.isEmpty else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
}
