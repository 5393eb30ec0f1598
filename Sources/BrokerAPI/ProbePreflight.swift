import BrevoAPI
import PresenceCore

/// Why a probe cannot go out at all, found before a byte is sent: a bot without secrets, or a
/// secret or header value that would break out of its header or form field.
///
/// Messages name the bot and the secret's role or the header, never the secret.
enum ProbePreflight {
    /// The failure that stops `request`, or `nil` when it can be sent with `secrets`.
    static func refusal(for request: ProbeRequest, secrets: BrokerSecrets?) -> ProbeFailure? {
        let bot = request.bot
        let name = "\"" + MessageText.sanitize(bot.name, redacting: "") + "\""
        let headers = [("OS", bot.os), ("USER-REF", bot.userRef), ("LOCALE", bot.locale), ("x-request-id", request.requestID)]
        for (header, value) in headers {
            if let flaw = flaw(in: value) {
                return .transport(.cancelled, message: "the \(header) header of bot \(name) holds \(flaw)")
            }
        }
        guard let secrets, !secrets.apiKey.isEmpty else {
            return .transport(.cancelled, message: "no Broker key for bot \(name)")
        }
        if let flaw = flaw(in: secrets.apiKey) {
            return .transport(.cancelled, message: "the Broker key of bot \(name) holds \(flaw)")
        }
        guard bot.auth != nil else { return nil }
        guard let clientSecret = secrets.clientSecret, !clientSecret.isEmpty else {
            return .transport(.cancelled, message: "no OAuth2 client secret for bot \(name)")
        }
        if let flaw = flaw(in: clientSecret) {
            return .transport(.cancelled, message: "the OAuth2 client secret of bot \(name) holds \(flaw)")
        }
        return nil
    }

    /// What in `secret` must not be sent: a line break (header injection) or another control
    /// character (refused by the HTTP stack, with an error that would quote it).
    private static func flaw(in secret: String) -> String? {
        if secret.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) { return "a line break" }
        if secret.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "a control character" }
        return nil
    }
}
