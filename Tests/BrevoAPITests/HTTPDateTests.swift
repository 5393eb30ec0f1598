import BrevoAPI
import Testing

/// The IMF-fixdate parser behind `Retry-After` and `Date`.
@Suite struct HTTPDateTests {
    @Test func parsesIMFFixdate() {
        #expect(HTTPDate.secondsSinceEpoch("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.secondsSinceEpoch("Thu, 01 Jan 1970 00:00:00 GMT") == 0)
        #expect(HTTPDate.secondsSinceEpoch("Tue, 29 Feb 2028 23:59:59 GMT") == 1_835_481_599)
    }

    @Test func parsesObsoleteRFC850Form() {
        #expect(HTTPDate.secondsSinceEpoch("Sunday, 06-Nov-94 08:49:37 GMT") == 784_111_777)
    }

    @Test(arguments: ["", "tomorrow", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 32 Nov 1994 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:00:00 GMT", "Sun, 06 Nov 1994 08:49 GMT"])
    func rejectsMalformedDates(text: String) {
        #expect(HTTPDate.secondsSinceEpoch(text) == nil)
    }
}
