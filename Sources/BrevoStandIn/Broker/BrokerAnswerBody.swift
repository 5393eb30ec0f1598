import Foundation

/// The bodies the Broker stand-in answers with, in the shapes of the Broker seed and of a
/// Keycloak token endpoint.
enum BrokerAnswerBody {
    /// A conversation answer: `text`, `sessionCode` (left out when `nil`), `userInteractionUUID`,
    /// one `TEXT` answer per element of `answerTexts`, and an empty `context`.
    static func conversation(text: String, sessionCode: String?, answerTexts: [String]) -> [UInt8] {
        let answers = answerTexts.map { answer in
            "{\"content\":\(quoted(answer)),\"type\":\"TEXT\",\"interactionId\":\(quoted(uuid())),"
                + "\"evaluable\":true,\"masked\":false,\"buttons\":[],\"quickReply\":[],\"technicalText\":{}}"
        }
        var fields = ["\"text\":\(quoted(text))"]
        if let sessionCode { fields.append("\"sessionCode\":\(quoted(sessionCode))") }
        fields.append("\"userInteractionUUID\":\(quoted(uuid()))")
        fields.append("\"answers\":[\(answers.joined(separator: ","))]")
        fields.append("\"context\":{}")
        return Array(("{" + fields.joined(separator: ",") + "}").utf8)
    }

    /// A conversation answer saying `answerText`, whose `text` makes the body larger than `bytes`.
    static func huge(bytes: Int, sessionCode: String, answerText: String) -> [UInt8] {
        let filler = String(repeating: "this answer is deliberately huge. ", count: bytes / 34 + 1)
        return conversation(text: filler, sessionCode: sessionCode, answerTexts: [answerText])
    }

    /// The Broker's error body, `{"message": …}`.
    static func error(_ message: String) -> [UInt8] {
        Array("{\"message\":\(quoted(message))}".utf8)
    }

    /// A token endpoint's answer; without `accessToken`, one that lacks `access_token`.
    static func token(_ accessToken: String?, lifetime: Int) -> [UInt8] {
        var fields: [String] = []
        if let accessToken { fields.append("\"access_token\":\(quoted(accessToken))") }
        fields.append("\"expires_in\":\(lifetime)")
        fields += ["\"refresh_expires_in\":0", "\"token_type\":\"Bearer\"", "\"not-before-policy\":0", "\"scope\":\"profile email\""]
        return Array(("{" + fields.joined(separator: ",") + "}").utf8)
    }

    /// A token endpoint's OAuth2 error, `{"error": …, "error_description": …}`.
    static func oauthError(_ error: String, description: String) -> [UInt8] {
        Array("{\"error\":\(quoted(error)),\"error_description\":\(quoted(description))}".utf8)
    }

    /// An HTML page, as a login page or a misrouted proxy sends instead of JSON.
    static let htmlPage = Array(
        "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><h1>Sign in to continue</h1></body></html>\n".utf8
    )

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        "\"" + StandInErrorBody.escape(text) + "\""
    }

    private static func uuid() -> String {
        UUID().uuidString.lowercased()
    }
}
