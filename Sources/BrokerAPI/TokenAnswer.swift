import BrevoAPI
import Foundation

/// The token endpoint's answer, read: an access token and its lifetime, or why there is none.
///
/// Messages say what was wrong with the answer in fixed words, plus the endpoint's own OAuth2
/// `error` and `error_description` (sanitized, secrets redacted); they never hold a token.
enum TokenAnswer: Equatable, Sendable {
    /// A usable token, for `lifetime` from its issue.
    case issued(token: String, lifetime: Duration)
    /// No usable token; a message for `.token(…)`.
    case refused(String)

    /// The lifetime of a token whose answer has no `expires_in`.
    static let defaultLifetime: Duration = .seconds(300)

    /// Reads `exchange`, redacting `secrets` from whatever the endpoint echoes.
    init(_ exchange: BrokerExchange, redacting secrets: [String]) {
        let answer = exchange.answer
        guard !exchange.truncated else {
            self = .refused("the token endpoint's answer is over \(BrokerClient.maximumBodyBytes / 1024) KiB")
            return
        }
        let object = try? JSONSerialization.jsonObject(with: Data(answer.body))
        let fields = object as? [String: Any]
        guard (200...299).contains(answer.status) else {
            var text = "the token endpoint answered HTTP \(answer.status)"
            if let reason = fields.flatMap({ Self.reason(in: $0, redacting: secrets) }) { text += ": " + reason }
            self = .refused(text)
            return
        }
        guard let fields else {
            let what = object == nil ? "not JSON" : "not a JSON object"
            self = .refused("the token endpoint's answer is \(what)")
            return
        }
        guard let token = fields["access_token"] as? String, !token.isEmpty else {
            self = .refused("the token endpoint's answer has no access_token")
            return
        }
        guard token.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            self = .refused("the token endpoint's access_token is not a usable header value")
            return
        }
        self = .issued(token: token, lifetime: Self.lifetime(fields["expires_in"]))
    }

    /// `expires_in` in seconds (a number, or digits in a string); the default when absent or
    /// unreadable, zero when not positive.
    private static func lifetime(_ value: Any?) -> Duration {
        let seconds: Double?
        switch value {
        case let number as NSNumber: seconds = number.doubleValue
        case let text as String: seconds = Double(text)
        default: seconds = nil
        }
        guard let seconds, seconds.isFinite else { return defaultLifetime }
        return .milliseconds(Int64(max(0, min(seconds, 86_400 * 365)) * 1000))
    }

    /// The OAuth2 error of a refusal: `error` and `error_description` (or `message`).
    private static func reason(in fields: [String: Any], redacting secrets: [String]) -> String? {
        let parts = [fields["error"], fields["error_description"] ?? fields["message"]]
            .compactMap { $0 as? String }
            .map { MessageText.sanitize($0, redacting: secrets) }
            .filter { !$0.isEmpty }
        return parts.isEmpty ? nil : MessageText.sanitize(parts.joined(separator: ": "), redacting: secrets)
    }
}
