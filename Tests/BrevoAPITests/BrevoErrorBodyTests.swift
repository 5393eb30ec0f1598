@testable import BrevoAPI
import Testing

/// Tolerant decoding of Brevo's error body.
@Suite struct BrevoErrorBodyTests {
    private func decode(_ text: String, secret: String = "xkeysib-secret") -> BrevoErrorBody {
        BrevoErrorBody(bytes: Array(text.utf8), redacting: secret)
    }

    @Test func decodesCodeAndMessage() {
        #expect(decode(#"{"code":"unauthorized","message":"Key not found"}"#) == BrevoErrorBody(code: "unauthorized", message: "Key not found"))
    }

    @Test func unknownCodesAndNumbersStayText() {
        #expect(decode(#"{"code":"brand_new_code","message":"x"}"#).code == "brand_new_code")
        #expect(decode(#"{"code":429,"message":"x"}"#).code == "429")
    }

    @Test func nonJSONBodyGivesFirstLineOfText() {
        let body = decode("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n</html>")
        #expect(body.code == nil)
        #expect(body.message == "<html> <head><title>502 Bad Gateway</title></head> </html>")
    }

    @Test func jsonWithoutBrevoFieldsIsText() {
        #expect(decode(#"{"error":"nope"}"#) == BrevoErrorBody(code: nil, message: #"{"error":"nope"}"#))
    }

    @Test func emptyBodyGivesNothing() {
        #expect(decode("") == BrevoErrorBody(code: nil, message: nil))
    }

    @Test func echoedKeyIsRedacted() {
        let body = decode(#"{"code":"unauthorized","message":"Key xkeysib-secret not found"}"#)
        #expect(body.message == "Key [redacted] not found")
    }

    @Test func longMessagesAreCut() {
        let message = decode(String(repeating: "a", count: 5000)).message ?? ""
        #expect(message.count == MessageText.maximumLength)
    }
}
