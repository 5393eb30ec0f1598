/// Why a ping failed, in classes the retry policy decides on.
public enum PingErrorClass: String, Hashable, Sendable {
    /// Brevo answered with an HTTP error status.
    case http
    /// No answer within `ping.timeout`.
    case timeout
    /// The connection could not be made (refused, DNS, TLS).
    case connect
    /// The connection broke mid-request.
    case connectionClosed = "connection_closed"
    /// The answer could not be read (malformed, too large).
    case protocolError = "protocol"
    /// The request was not sent (shutdown, invalid URL).
    case cancelled
}

/// The result of one `agentOnlinePing`, as the HTTP edge reports it to the core.
public struct PingOutcome: Hashable, Sendable {
    /// The HTTP status, when an answer arrived.
    public var status: Int?
    /// The failure class; `nil` on success.
    public var errorClass: PingErrorClass?
    /// Brevo's error `code`, when the body held one.
    public var brevoCode: String?
    /// Brevo's error `message`, or the transport error's description.
    public var message: String?
    /// The `sib-request-id` header, worth logging on errors.
    public var requestID: String?
    /// Rate-limit headers.
    public var rateLimit: RateLimitInfo
    /// Time from sending to the answer.
    public var latency: Duration

    /// Creates an outcome.
    public init(
        status: Int?,
        errorClass: PingErrorClass?,
        brevoCode: String? = nil,
        message: String? = nil,
        requestID: String? = nil,
        rateLimit: RateLimitInfo = RateLimitInfo(),
        latency: Duration = .zero
    ) {
        self.status = status
        self.errorClass = errorClass
        self.brevoCode = brevoCode
        self.message = message
        self.requestID = requestID
        self.rateLimit = rateLimit
        self.latency = latency
    }

    /// A 2xx answer.
    public static func success(status: Int = 201, requestID: String? = nil, rateLimit: RateLimitInfo = RateLimitInfo(), latency: Duration = .zero) -> PingOutcome {
        PingOutcome(status: status, errorClass: nil, requestID: requestID, rateLimit: rateLimit, latency: latency)
    }

    /// An HTTP error answer.
    public static func httpError(status: Int, code: String? = nil, message: String? = nil, requestID: String? = nil, rateLimit: RateLimitInfo = RateLimitInfo(), latency: Duration = .zero) -> PingOutcome {
        PingOutcome(status: status, errorClass: .http, brevoCode: code, message: message, requestID: requestID, rateLimit: rateLimit, latency: latency)
    }

    /// A transport failure: no HTTP answer.
    public static func transportError(_ errorClass: PingErrorClass, message: String, latency: Duration = .zero) -> PingOutcome {
        PingOutcome(status: nil, errorClass: errorClass, message: message, latency: latency)
    }

    /// Whether Brevo accepted the ping (any 2xx).
    public var isSuccess: Bool { errorClass == nil }

    /// A one-line description for the status file: `HTTP 503 (server_error): Brevo is down`.
    public var summary: String {
        if isSuccess { return "HTTP \(status ?? 0)" }
        var text = status.map { "HTTP \($0)" } ?? (errorClass?.rawValue ?? "error")
        if let brevoCode { text += " (\(brevoCode))" }
        if let message, !message.isEmpty { text += ": " + message }
        return text
    }
}

/// The transport seam: sends one ping and reports its outcome.
///
/// The daemon's implementation uses `BrevoAPI`; tests use a scripted one in virtual time.
/// `completion` may be called on any thread; the scheduler hops back onto its own queue.
public protocol PingTransport: Sendable {
    /// Sends `request` and calls `completion` exactly once with the outcome.
    func send(_ request: PingRequest, completion: @escaping @Sendable (PingOutcome) -> Void)

    /// Drops pooled connections so the next requests open fresh ones (after repeated timeouts
    /// on connections that may be stuck). Requests in flight finish on their old connections.
    func recycleConnections()
}

extension PingTransport {
    /// Does nothing: a transport without pooled connections has nothing to recycle.
    public func recycleConnections() {}
}
