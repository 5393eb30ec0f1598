import BrevoAPI
import NIOHTTP1
import PresenceCore
import Testing

/// Brevo's `x-sib-ratelimit-*` headers and `Retry-After`, parsed from a header block.
@Suite struct RateLimitHeadersTests {
    private let now: Int64 = 784_111_777

    @Test func parsesAllHeaders() {
        let headers = HTTPHeaders([
            ("X-Sib-RateLimit-Limit", "100"), ("x-sib-ratelimit-remaining", "7"),
            ("x-sib-ratelimit-reset", "1800"), ("Retry-After", "30"),
        ])
        let info = RateLimitHeaders.parse(headers, now: now)
        #expect(info == RateLimitInfo(limit: 100, remaining: 7, reset: .seconds(1800), retryAfter: .seconds(30)))
    }

    @Test func noHeadersGiveEmptyInfo() {
        #expect(RateLimitHeaders.parse(HTTPHeaders([("content-type", "application/json")]), now: now).isEmpty)
    }

    @Test func malformedValuesAreLeftOut() {
        let headers = HTTPHeaders([
            ("x-sib-ratelimit-limit", "lots"), ("x-sib-ratelimit-remaining", "-1"),
            ("x-sib-ratelimit-reset", "12"), ("retry-after", "later"),
        ])
        #expect(RateLimitHeaders.parse(headers, now: now) == RateLimitInfo(reset: .seconds(12)))
    }

    @Test func httpDateRetryAfterUsesDateHeader() {
        let headers = HTTPHeaders([
            ("date", "Sun, 06 Nov 1994 08:49:37 GMT"), ("retry-after", "Sun, 06 Nov 1994 08:50:07 GMT"),
        ])
        #expect(RateLimitHeaders.parse(headers, now: now + 500).retryAfter == .seconds(30))
    }

    @Test func malformedDateHeaderFallsBackToNow() {
        let headers = HTTPHeaders([("date", "yesterday"), ("retry-after", "Sun, 06 Nov 1994 08:50:07 GMT")])
        #expect(RateLimitHeaders.parse(headers, now: now).retryAfter == .seconds(30))
    }
}
