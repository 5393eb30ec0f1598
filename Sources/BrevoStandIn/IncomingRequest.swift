import Foundation

/// A fully read request, as the HTTP handler hands it to the engine.
struct IncomingRequest: Sendable {
    var connection: Int
    var method: String
    var path: String
    var apiKey: String?
    var contentType: String?
    var userAgent: String?
    var body: [UInt8]
    /// The body went over the stand-in's limit and was discarded.
    var bodyTooLarge: Bool
    var receivedAt: Date
    var monotonicNanoseconds: UInt64
}
