import BrevoAPI
import Foundation

/// The message of a Broker error answer: the JSON body's `message`, `error` or `detail`,
/// whichever comes first as a string, sanitized and with every secret redacted.
enum BrokerErrorMessage {
    /// The message in `body`, or `nil` when it is not JSON or holds none.
    static func read(_ body: [UInt8], redacting secrets: [String]) -> String? {
        guard
            !body.isEmpty,
            let fields = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        else { return nil }
        for name in ["message", "error", "detail"] {
            guard let text = fields[name] as? String else { continue }
            let line = MessageText.sanitize(text, redacting: secrets)
            if !line.isEmpty { return line }
        }
        return nil
    }
}
