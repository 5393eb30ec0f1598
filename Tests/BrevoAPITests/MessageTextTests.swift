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
}
