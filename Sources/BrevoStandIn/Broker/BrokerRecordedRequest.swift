import Foundation

/// One request the Broker stand-in received, as recorded for tests.
///
/// No secret is ever stored: for the `API-KEY`, the bearer token and the client secret only
/// whether they were right.
public struct BrokerRecordedRequest: Sendable, Equatable {
    /// Wall-clock arrival time.
    public var receivedAt: Date
    /// Monotonic arrival time (`CLOCK_MONOTONIC`, nanoseconds).
    public var monotonicNanoseconds: UInt64
    /// The connection it came on, numbered from 1 in the order connections were accepted.
    public var connection: Int
    /// The HTTP method.
    public var method: String
    /// The request path, without the query.
    public var path: String
    /// The query, without the `?` (`test=true`), when there was one.
    public var query: String?
    /// The endpoint it was for.
    public var kind: BrokerRequestKind
    /// Whether the `API-KEY` header held one of the keys the stand-in accepts.
    public var apiKeyValid: Bool
    /// Whether `Authorization: Bearer` held a token the stand-in issued and that has not expired.
    public var bearerValid: Bool
    /// The `OS` header.
    public var os: String?
    /// The `USER-REF` header.
    public var userRef: String?
    /// The `LOCALE` header.
    public var locale: String?
    /// The `x-request-id` header.
    public var requestID: String?
    /// The `User-Agent` header.
    public var userAgent: String?
    /// The `Content-Type` header.
    public var contentType: String?
    /// The JSON body's `text`, for a start or a continue.
    public var text: String?
    /// The session code in the path, for a continue or a close.
    public var sessionCode: String?
    /// The JSON body's `expireSession`, for a close.
    public var expireSession: Bool?
    /// The form's `client_id`, for a token request.
    public var clientID: String?
    /// Whether the form's client credentials were right, for a token request.
    public var clientValid: Bool
    /// The status answered.
    public var status: Int
}
