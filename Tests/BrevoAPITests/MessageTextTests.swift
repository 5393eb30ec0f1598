@testable import BrevoAPI
import Testing

/// One-line, bounded, redacted messages.
@Suite struct MessageTextTests {
    @Test func collapsesWhitespaceAndControls() {
        #expect(MessageText.sanitize("  a\r\n\tb\u{0}c  ", redacting: "") == "a b c")
    }

    @Test func redactsTheSecret() {
        #expect(MessageText.sanitize("bad key xkeysib-abc!", redacting: "xkeysib-abc") == "bad key [redacted]!")
    }

    @Test func boundsTheLength() {
        let text = MessageText.sanitize(String(repeating: "é", count: 1000), redacting: "")
        #expect(text.count == MessageText.maximumLength)
        #expect(text.hasSuffix("…"))
    }

    @Test func printableTextHoldingTheSecretIsStillRedacted() {
        #expect(MessageText.sanitize("xkeysib-abcdef", redacting: "xkeysib-abcdef") == "[redacted]")
        #expect(MessageText.sanitize("id-xkeysib-abcdef-1", redacting: "xkeysib-abcdef") == "id-[redacted]-1")
    }

    @Test func aRequestIDComesBackAsItIs() {
        let id = "2230a1ab-bb72-4e94-9c2f-7524b5bd93c0"
        #expect(MessageText.sanitize(id, redacting: "xkeysib-" + String(repeating: "0", count: 64)) == id)
        #expect(MessageText.sanitize(String(repeating: "a", count: 201), redacting: "").count == MessageText.maximumLength)
    }
}
