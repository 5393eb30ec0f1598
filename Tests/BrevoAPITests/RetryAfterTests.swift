import BrevoAPI
import Testing

/// `Retry-After` in both forms, clamped to 0…3600 s.
@Suite struct RetryAfterTests {
    private let now: Int64 = 784_111_777  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test func deltaSeconds() {
        #expect(RetryAfter.delay("120", responseDate: nil, now: now) == .seconds(120))
        #expect(RetryAfter.delay(" 0 ", responseDate: nil, now: now) == .zero)
    }

    @Test func deltaSecondsAreClamped() {
        #expect(RetryAfter.delay("86400", responseDate: nil, now: now) == .seconds(3600))
        #expect(RetryAfter.delay("99999999999999999999999", responseDate: nil, now: now) == .seconds(3600))
    }

    @Test func httpDateIsRelativeToResponseDate() {
        let value = "Sun, 06 Nov 1994 08:51:37 GMT"
        #expect(RetryAfter.delay(value, responseDate: now, now: now + 1000) == .seconds(120))
    }

    @Test func httpDateFallsBackToNow() {
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:50:37 GMT", responseDate: nil, now: now) == .seconds(60))
    }

    @Test func pastAndFarDatesAreClamped() {
        #expect(RetryAfter.delay("Sat, 05 Nov 1994 08:49:37 GMT", responseDate: now, now: now) == .zero)
        #expect(RetryAfter.delay("Sun, 13 Nov 1994 08:49:37 GMT", responseDate: now, now: now) == .seconds(3600))
    }

    @Test(arguments: ["", "-5", "1.5", "soon", "12abc"])
    func malformedValuesAreIgnored(value: String) {
        #expect(RetryAfter.delay(value, responseDate: nil, now: now) == nil)
    }
}
