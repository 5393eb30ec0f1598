import Foundation
import Synchronization

/// The Broker stand-in's shared state: its fault, open sessions, issued tokens and the record
/// of requests.
///
/// The HTTP handlers of all connections call ``reply(to:)``; each decision is made under one
/// lock, so sessions and tokens stay exact under concurrency.
final class BrokerEngine: Sendable {
    /// The OAuth2 client the token endpoint accepts.
    struct Client: Sendable {
        var id: String
        var secret: String
    }

    struct State {
        var fault: BrokerFault = .none
        /// Open sessions: session code to its bot (`org/env/bot`).
        var sessions: [String: String] = [:]
        /// Issued tokens: token to its expiry (monotonic nanoseconds).
        var tokens: [String: UInt64] = [:]
        var requests: [BrokerRecordedRequest] = []
    }

    let apiKeys: Set<String>
    let client: Client?
    let answerText: String
    let tokenLifetime: Duration
    private let log: RequestLog?
    let state = Mutex(State())

    init(apiKeys: Set<String>, client: Client?, answerText: String, tokenLifetime: Duration, log: RequestLog?) {
        self.apiKeys = apiKeys
        self.client = client
        self.answerText = answerText
        self.tokenLifetime = tokenLifetime
        self.log = log
    }

    /// Replaces the fault.
    func install(_ fault: BrokerFault) {
        state.withLock { $0.fault = fault }
    }

    /// The fault in force.
    var fault: BrokerFault { state.withLock { $0.fault } }

    /// A snapshot of the recorded requests.
    var requests: [BrokerRecordedRequest] { state.withLock { $0.requests } }

    /// How many sessions are open.
    var openSessions: Int { state.withLock { $0.sessions.count } }

    /// Forgets every issued token, so the next request with one gets 401.
    func revokeTokens() {
        state.withLock { $0.tokens.removeAll() }
    }

    /// Decides the answer to `request` and records it.
    func reply(to request: BrokerIncomingRequest) -> BrokerReply {
        let route = BrokerRoute(path: request.path)
        let body = route == .token ? nil : request.jsonObject
        let form = route == .token ? BrokerForm(request.body) : BrokerForm([])
        let clientValid = client.map { form["client_id"] == $0.id && form["client_secret"] == $0.secret } ?? false
        var record = BrokerRecordedRequest(
            receivedAt: request.receivedAt, monotonicNanoseconds: request.monotonicNanoseconds,
            connection: request.connection, method: request.method, path: request.path, query: request.query,
            kind: route.kind, apiKeyValid: request.header("API-KEY").map(apiKeys.contains) ?? false, bearerValid: false,
            os: request.header("OS"), userRef: request.header("USER-REF"), locale: request.header("LOCALE"),
            requestID: request.header("x-request-id"), userAgent: request.header("user-agent"),
            contentType: request.header("content-type"), text: body?["text"] as? String, sessionCode: route.sessionCode,
            expireSession: body?["expireSession"] as? Bool, clientID: form["client_id"], clientValid: clientValid, status: 0
        )
        let reply = state.withLock { state in
            record.bearerValid = bearerIsValid(request, now: request.monotonicNanoseconds, state: state)
            var reply: BrokerReply
            switch route {
            case .token:
                reply = tokenReply(to: request, form: form, clientValid: clientValid, state: &state)
            case .other:
                reply = .error(404, "not found")
            case .start, .continue, .close:
                reply = conversationReply(route, to: request, body: body, record: record, state: &state)
            }
            if case .slow(let delay) = state.fault { reply.delay = delay }
            record.status = reply.status
            state.requests.append(record)
            return reply
        }
        log?.append(line: record.logLine)
        return reply
    }

    /// Whether `request` carries `Authorization: Bearer` with a token issued here and not expired.
    private func bearerIsValid(_ request: BrokerIncomingRequest, now: UInt64, state: State) -> Bool {
        guard let value = request.header("authorization"), value.lowercased().hasPrefix("bearer ") else { return false }
        let token = String(value.dropFirst("bearer ".count))
        guard let expiry = state.tokens[token] else { return false }
        return now < expiry
    }
}
