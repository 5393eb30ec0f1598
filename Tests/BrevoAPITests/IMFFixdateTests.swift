import BrevoAPI
@testable import BrevoStandIn
import Testing

/// The stand-in writes HTTP dates that the client reads back.
@Suite struct IMFFixdateTests {
    @Test func formatsKnownDates() {
        #expect(IMFFixdate.format(secondsSinceEpoch: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(IMFFixdate.format(secondsSinceEpoch: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test(arguments: [Int64(0), 951_782_400, 1_835_481_599, 1_767_225_600, 4_102_444_800])
    func roundTripsThroughTheClientParser(seconds: Int64) {
        #expect(HTTPDate.secondsSinceEpoch(IMFFixdate.format(secondsSinceEpoch: seconds)) == seconds)
    }
}
