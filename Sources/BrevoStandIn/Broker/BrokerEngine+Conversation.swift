import Foundation

extension BrokerEngine {
    /// The Broker's checks, in order: method, body size, `API-KEY`, bearer token (when a client
    /// is set), required headers (`OS`, `USER-REF`, `LOCALE`; only `LOCALE` for a close), JSON
    /// body; then the fault, and the endpoint itself. Called under the state lock.
    func conversationReply(
        _ route: BrokerRoute, to request: BrokerIncomingRequest, body: [String: Any]?, record: BrokerRecordedRequest,
        state: inout State
    ) -> BrokerReply {
        guard request.method == "POST" else { return .error(405, "method not allowed") }
        guard !request.bodyTooLarge else { return .error(413, "request body too large") }
        guard record.apiKeyValid else { return .error(401, "invalid API key") }
        if client != nil, !record.bearerValid { return .error(401, "missing, unknown or expired bearer token") }
        let required = route.kind == .close ? ["LOCALE"] : ["OS", "USER-REF", "LOCALE"]
        if let missing = required.first(where: { (request.header($0) ?? "").isEmpty }) {
            return .error(400, "missing header \(missing)")
        }
        guard let body else { return .error(400, "the body is not a JSON object") }
        switch route {
        case .start(let bot, _):
            return conversationAnswer(bot: bot, session: nil, text: body["text"] as? String ?? "", state: &state)
        case .continue(let bot, _, let sessionCode):
            return conversationAnswer(bot: bot, session: sessionCode, text: body["text"] as? String ?? "", state: &state)
        case .close(let bot, let sessionCode):
            return closeAnswer(bot: bot, session: sessionCode, expire: body["expireSession"] as? Bool == true, state: &state)
        case .token, .other:
            return .error(404, "not found")
        }
    }

    /// A start (`session` nil: a new session) or a continue of `session`, as the fault shapes it.
    private func conversationAnswer(bot: String, session: String?, text: String, state: inout State) -> BrokerReply {
        switch state.fault {
        case .status(let status, let retryAfter):
            return .error(status, Self.message(forStatus: status), headers: retryAfter.map { [("retry-after", String($0))] } ?? [])
        case .notJSON:
            return .htmlPage
        case .wrongShape:
            return .json(200, BrokerAnswerBody.conversation(text: text, sessionCode: nil, answerTexts: [answerText]))
        case .huge:
            let body = BrokerAnswerBody.huge(bytes: 1_100_000, sessionCode: Self.newSessionCode(), answerText: answerText)
            return .json(200, body)
        default:
            break
        }
        if let session, state.sessions[session] != bot { return .error(404, "unknown session") }
        let sessionCode = session ?? Self.newSessionCode()
        state.sessions[sessionCode] = bot
        let texts: [String] = switch state.fault {
        case .emptyAnswers: []
        case .answer(let other): [other]
        default: [answerText]
        }
        return .json(200, BrokerAnswerBody.conversation(text: text, sessionCode: sessionCode, answerTexts: texts))
    }

    /// The satisfaction survey of `session`: with `expire`, the session is closed.
    private func closeAnswer(bot: String, session: String, expire: Bool, state: inout State) -> BrokerReply {
        if state.fault == .unclosable { return .error(500, "internal server error") }
        guard state.sessions[session] == bot else { return .error(404, "unknown session") }
        if expire { state.sessions[session] = nil }
        return .json(200, BrokerAnswerBody.conversation(text: "", sessionCode: session, answerTexts: []))
    }

    /// The message of a status fault, the way the Broker words its errors.
    static func message(forStatus status: Int) -> String {
        switch status {
        case 400: "bad request"
        case 401: "invalid API key"
        case 403: "forbidden"
        case 404: "not found"
        case 409: "conflict"
        case 422: "unprocessable entity"
        case 429: "too many requests"
        case 460: "error calling an external webhook"
        case 461: "the flow or the bot is misconfigured"
        case 462: "cannot reach the NLP service"
        case 463: "the NLP service refused the credentials"
        case 500...599: "internal server error"
        default: "request failed"
        }
    }

    private static func newSessionCode() -> String {
        UUID().uuidString.lowercased()
    }
}
