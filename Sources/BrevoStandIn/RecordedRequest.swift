import Foundation

/// One request the stand-in received, as recorded for tests and benchmarks.
///
/// A key the stand-in does not accept is never stored: only that it was wrong.
public struct RecordedRequest: Sendable, Equatable {
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
    /// The body's `agentId`, when present.
    public var agentId: String?
    /// The body's `agentEmail`, when present.
    public var agentEmail: String?
    /// The body's `agentName`, when present.
    public var agentName: String?
    /// The body's `receivedFrom`, when present.
    public var receivedFrom: String?
    /// Whether the `api-key` header held one of the keys the stand-in accepts.
    public var apiKeyValid: Bool
    /// The `api-key` header, when it held one of the keys the stand-in accepts (so a test can
    /// tell which account a request came from); `nil` for a missing or wrong key.
    public var apiKey: String?
    /// The `content-type` header, when present.
    public var contentType: String?
    /// The `user-agent` header, when present.
    public var userAgent: String?
    /// The status answered; `nil` when the connection was hung or closed instead.
    public var status: Int?

    /// Creates a record.
    public init(
        receivedAt: Date,
        monotonicNanoseconds: UInt64,
        connection: Int = 0,
        method: String,
        path: String,
        agentId: String? = nil,
        agentEmail: String? = nil,
        agentName: String? = nil,
        receivedFrom: String? = nil,
        apiKeyValid: Bool,
        apiKey: String? = nil,
        contentType: String? = nil,
        userAgent: String? = nil,
        status: Int?
    ) {
        self.receivedAt = receivedAt
        self.monotonicNanoseconds = monotonicNanoseconds
        self.connection = connection
        self.method = method
        self.path = path
        self.agentId = agentId
        self.agentEmail = agentEmail
        self.agentName = agentName
        self.receivedFrom = receivedFrom
        self.apiKeyValid = apiKeyValid
        self.apiKey = apiKey
        self.contentType = contentType
        self.userAgent = userAgent
        self.status = status
    }

    /// The agent as the log file names it: the ID, else the email.
    public var agent: String? { agentId ?? agentEmail }
}
