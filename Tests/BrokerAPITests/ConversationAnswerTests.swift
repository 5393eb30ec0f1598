@testable import BrokerAPI
import Testing

/// Reading the Broker's 200 answer: the session code, and each answer's text wherever the bot
/// put it.
@Suite struct ConversationAnswerTests {
    private func read(_ json: String) -> ConversationAnswer.Reading {
        ConversationAnswer.read(Array(json.utf8))
    }

    @Test(arguments: [
        (#"{"content": "plain"}"#, "plain"),
        (#"{"content": {"text": "in content.text"}}"#, "in content.text"),
        (#"{"content": {"message": "in content.message"}}"#, "in content.message"),
        (#"{"content": {"text": 42, "message": "message wins over a number"}}"#, "message wins over a number"),
        (#"{"content": {}, "description": "the description"}"#, "the description"),
        (#"{"content": {}, "technicalText": "technical"}"#, "technical"),
        (#"{"content": {}, "technicalText": {"x": 1}}"#, ""),
        (#"{"type": "CAROUSEL", "buttons": [{"name": "a"}]}"#, ""),
        (#""a bare string""#, "a bare string"),
        ("42", ""),
        ("null", ""),
    ])
    func answerTextIsFoundWhereverItIs(answer: String, text: String) {
        #expect(read(#"{"sessionCode": "s1", "answers": [\#(answer)]}"#) == .answer(.init(sessionCode: "s1", answerTexts: [text])))
    }

    @Test func answersKeepTheirOrder() {
        let json = #"{"sessionCode": "s1", "text": "x", "answers": [{"content": "one"}, {"content": {}}, {"description": "three"}]}"#
        #expect(read(json) == .answer(.init(sessionCode: "s1", answerTexts: ["one", "", "three"])))
    }

    @Test func missingOrNullAnswersAreNone() {
        #expect(read(#"{"sessionCode": "s1"}"#) == .answer(.init(sessionCode: "s1", answerTexts: [])))
        #expect(read(#"{"sessionCode": "s1", "answers": null}"#) == .answer(.init(sessionCode: "s1", answerTexts: [])))
    }

    @Test(arguments: [
        ("", "not JSON"),
        ("<html></html>", "not JSON"),
        ("[1, 2]", "not a JSON object"),
        (#""text""#, "not JSON"),
        (#"{"answers": []}"#, "no sessionCode"),
        (#"{"sessionCode": 42, "answers": []}"#, "no sessionCode"),
        (#"{"sessionCode": "", "answers": []}"#, "no sessionCode"),
        (String(repeating: "[", count: 10_000), "not JSON"),
    ])
    func unreadableBodiesSayWhy(body: String, why: String) {
        #expect(read(body) == .unreadable(why, sessionCode: nil))
    }

    @Test func answersOfTheWrongTypeStillGiveTheSessionToClose() {
        #expect(read(#"{"sessionCode": "s1", "answers": "hello"}"#) == .unreadable("answers is not an array", sessionCode: "s1"))
    }
}
