import SystemdSupport
import Testing

@Suite struct OneLineTextTests {
    @Test func newlinesAndControlsBecomeSpaces() {
        #expect(OneLineText.sanitize("a\nb\r\nc\rd\te\u{0}f\u{2028}g") == "a b c d e f g")
    }

    @Test func trimsSpaces() {
        #expect(OneLineText.sanitize("\n  ready \n") == "ready")
        #expect(OneLineText.sanitize("\n\n") == "")
    }

    @Test func boundsLengthInCharacters() {
        let long = String(repeating: "é", count: 1_000)
        let bounded = OneLineText.sanitize(long, maxCharacters: 256)
        #expect(bounded.count == 256)
        #expect(bounded.hasSuffix("…"))
        #expect(OneLineText.sanitize("short", maxCharacters: 256) == "short")
    }

    @Test func unboundedByDefault() {
        let long = String(repeating: "x", count: 10_000)
        #expect(OneLineText.sanitize(long) == long)
    }
}
