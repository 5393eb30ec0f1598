@testable import BrokerAPI
import Testing

/// The message of a Broker error body: `message`, `error` or `detail`, without secrets.
@Suite struct BrokerErrorMessageTests {
    private func read(_ body: String, secrets: [String] = [brokerKey, clientSecret, "token-value-123"]) -> String? {
        BrokerErrorMessage.read(Array(body.utf8), redacting: secrets)
    }

    @Test func firstTextFieldIsTheMessage() {
        #expect(read(#"{"message": "flow misconfigured", "error": "x"}"#) == "flow misconfigured")
        #expect(read(#"{"error": "Bad Request", "status": 400}"#) == "Bad Request")
        #expect(read(#"{"detail": "no such channel"}"#) == "no such channel")
        #expect(read(#"{"message": 42, "detail": "the detail"}"#) == "the detail")
        #expect(read(#"{"message": "", "error": "the error"}"#) == "the error")
    }

    @Test func noMessageIsNil() {
        #expect(read("") == nil)
        #expect(read("<html>502</html>") == nil)
        #expect(read(#"{"code": 461}"#) == nil)
        #expect(read("[]") == nil)
    }

    @Test func messageIsOneShortLineWithoutSecrets() {
        let body = #"{"message": "key \#(brokerKey)\nsecret \#(clientSecret)\ttoken token-value-123"}"#
        #expect(read(body) == "key [redacted] secret [redacted] token [redacted]")
        let long = read(#"{"message": "\#(String(repeating: "x", count: 500))"}"#)
        #expect(long?.count == 200)
    }
}
