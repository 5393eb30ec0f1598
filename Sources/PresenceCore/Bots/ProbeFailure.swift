/// Why a probe found its bot unhealthy, in classes the prober decides on.
public enum ProbeFailure: Hashable, Sendable {
    /// The Broker answered the start with a status other than 200; `message` is its error
    /// text, when the body held one.
    case http(status: Int, message: String?)
    /// No answer: the connection failed, broke, or the deadline passed.
    case transport(PingErrorClass, message: String)
    /// A 200 whose body was not the Broker's answer: not JSON, too large, no `sessionCode`.
    case badAnswer(String)
    /// A 200 with an empty `answers` array: the bot said nothing.
    case noAnswers
    /// No answer's text matched `expect`; carries the first answer's text.
    case unexpectedAnswer(String)
    /// The OAuth2 token could not be had (the token endpoint failed or answered nonsense).
    case token(String)

    /// Whether the Broker asked to be spared (429) or is failing itself (5xx): the next probe
    /// backs off instead of keeping to the interval.
    public var asksForBackoff: Bool {
        guard case .http(let status, _) = self else { return false }
        return status == 429 || (500...599).contains(status)
    }

    /// The meaning of the Broker's own statuses, 460 to 463, and of the common ones.
    public static func meaning(ofStatus status: Int) -> String? {
        switch status {
        case 400: "bad request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not found"
        case 409: "conflict"
        case 422: "unprocessable"
        case 429: "too many requests"
        case 460: "external webhook error"
        case 461: "misconfigured flow or bot"
        case 462: "NLP communication error"
        case 463: "NLP authentication error"
        case 500...599: "server error"
        default: nil
        }
    }

    /// A short class name for logs and metrics: `http_461`, `timeout`, `no_answers`.
    public var kind: String {
        switch self {
        case .http(let status, _): "http_\(status)"
        case .transport(let errorClass, _): errorClass.rawValue
        case .badAnswer: "bad_answer"
        case .noAnswers: "no_answers"
        case .unexpectedAnswer: "unexpected_answer"
        case .token: "token"
        }
    }

    /// One line for the status file and the journal: `HTTP 461 (misconfigured flow or bot): …`.
    public var summary: String {
        switch self {
        case .http(let status, let message):
            var text = "HTTP \(status)"
            if let meaning = Self.meaning(ofStatus: status) { text += " (\(meaning))" }
            if let message, !message.isEmpty { text += ": " + message }
            return text
        case .transport(let errorClass, let message): return "\(errorClass.rawValue): \(message)"
        case .badAnswer(let why): return "bad answer: \(why)"
        case .noAnswers: return "the bot answered nothing"
        case .unexpectedAnswer(let text): return "unexpected answer: \(text)"
        case .token(let why): return "token: \(why)"
        }
    }
}
