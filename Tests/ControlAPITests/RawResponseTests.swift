import Testing

@testable import ControlAPI

@Suite struct RawResponseTests {
    @Test func rawAnswerNamesStatusLengthAndClose() {
        let text = String(decoding: RawResponse.bytes(.error(429, "busy")), as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 429 Too Many Requests\r\n"))
        #expect(text.contains("Content-Type: application/json\r\n"))
        #expect(text.contains("Connection: close\r\n"))
        #expect(text.hasSuffix("\r\n\r\n{\"error\":\"busy\"}"))
    }
}
