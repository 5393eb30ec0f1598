import BrevoAPI
@testable import BrokerAPI
import NIOHTTP1
import Testing

/// Reading the token endpoint's answer.
@Suite struct TokenAnswerTests {
    private func read(status: Int = 200, _ body: String, truncated: Bool = false) -> TokenAnswer {
        let answer = BrevoClient.RawAnswer(status: status, headers: HTTPHeaders(), body: Array(body.utf8))
        return TokenAnswer(BrokerExchange(answer: answer, truncated: truncated), redacting: [clientSecret])
    }

    @Test func accessTokenAndLifetimeAreRead() {
        #expect(read(#"{"access_token": "abc.def", "expires_in": 120}"#) == .issued(token: "abc.def", lifetime: .seconds(120)))
        #expect(read(#"{"access_token": "abc", "expires_in": "60"}"#) == .issued(token: "abc", lifetime: .seconds(60)))
        #expect(read(#"{"access_token": "abc"}"#) == .issued(token: "abc", lifetime: .seconds(300)))
        #expect(read(#"{"access_token": "abc", "expires_in": -5}"#) == .issued(token: "abc", lifetime: .zero))
    }

    @Test(arguments: [
        (#"{"token_type": "Bearer"}"#, "the token endpoint's answer has no access_token"),
        (#"{"access_token": 42}"#, "the token endpoint's answer has no access_token"),
        (#"{"access_token": ""}"#, "the token endpoint's answer has no access_token"),
        (#"{"access_token": "two words"}"#, "the token endpoint's access_token is not a usable header value"),
        (#"{"access_token": "line\nbreak"}"#, "the token endpoint's access_token is not a usable header value"),
        ("<html>login</html>", "the token endpoint's answer is not JSON"),
        ("[]", "the token endpoint's answer is not a JSON object"),
    ])
    func unusableAnswersAreRefused(body: String, why: String) {
        #expect(read(body) == .refused(why))
    }

    @Test func refusalQuotesTheOAuthErrorWithoutTheSecret() {
        let body = #"{"error": "invalid_client", "error_description": "bad secret \#(clientSecret)"}"#
        #expect(read(status: 401, body) == .refused("the token endpoint answered HTTP 401: invalid_client: bad secret [redacted]"))
        #expect(read(status: 503, "<html>down</html>") == .refused("the token endpoint answered HTTP 503"))
    }

    @Test func truncatedAnswerIsRefused() {
        #expect(read(#"{"access_token": "abc""#, truncated: true) == .refused("the token endpoint's answer is over 64 KiB"))
    }
}
