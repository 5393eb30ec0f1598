import Foundation

/// The Broker's 200 answer to a conversation start, as far as a probe reads it: the session to
/// close and what the bot said.
struct ConversationAnswer: Equatable, Sendable {
    /// The session the start opened.
    var sessionCode: String
    /// The texts of `answers`, in order; an answer without text counts as `""`.
    var answerTexts: [String]

    /// What a body turned out to be.
    enum Reading: Equatable, Sendable {
        /// The Broker's answer.
        case answer(ConversationAnswer)
        /// Not the Broker's answer, and why; with the session code when one was there anyway,
        /// so the session can still be closed.
        case unreadable(String, sessionCode: String?)
    }

    /// Reads a 200 body.
    static func read(_ body: [UInt8]) -> Reading {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) else {
            return .unreadable("not JSON", sessionCode: nil)
        }
        guard let fields = object as? [String: Any] else {
            return .unreadable("not a JSON object", sessionCode: nil)
        }
        guard let sessionCode = fields["sessionCode"] as? String, !sessionCode.isEmpty else {
            return .unreadable("no sessionCode", sessionCode: nil)
        }
        let answers = fields["answers"]
        if answers == nil || answers is NSNull {
            return .answer(ConversationAnswer(sessionCode: sessionCode, answerTexts: []))
        }
        guard let list = answers as? [Any] else {
            return .unreadable("answers is not an array", sessionCode: sessionCode)
        }
        return .answer(ConversationAnswer(sessionCode: sessionCode, answerTexts: list.map(text(of:))))
    }

    /// The text of one answer: `content` when it is a string; else its `text` or `message`;
    /// else `description`; else `technicalText` when it is a string; else `""`.
    static func text(of answer: Any) -> String {
        if let text = answer as? String { return text }
        guard let fields = answer as? [String: Any] else { return "" }
        if let content = fields["content"] as? String { return content }
        if let content = fields["content"] as? [String: Any] {
            if let text = content["text"] as? String { return text }
            if let message = content["message"] as? String { return message }
        }
        if let description = fields["description"] as? String { return description }
        if let technical = fields["technicalText"] as? String { return technical }
        return ""
    }
}
