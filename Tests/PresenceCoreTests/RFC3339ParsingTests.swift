import Foundation
import Testing

import PresenceCore

/// RFC 3339 as the control API, the overrides file and the command line read it: exactly the
/// contract's forms.
@Suite struct RFC3339ParsingTests {
    private let base = Date(timeIntervalSince1970: 1_777_658_400)  // 2026-05-01T18:00:00Z

    @Test func acceptsZuluOffsetsAndFractions() throws {
        #expect(RFC3339.date(from: "2026-05-01T18:00:00Z") == base)
        #expect(RFC3339.date(from: "2026-05-01t18:00:00z") == base)
        #expect(RFC3339.date(from: "2026-05-01T20:00:00+02:00") == base)
        #expect(RFC3339.date(from: "2026-05-01T13:30:00-04:30") == base)
        let fractional = try #require(RFC3339.date(from: "2026-05-01T18:00:00.250Z"))
        #expect(abs(fractional.timeIntervalSince(base) - 0.25) < 0.000_001)
        #expect(RFC3339.date(from: "2024-02-29T00:00:00Z") != nil)
    }

    @Test(arguments: [
        "", "2026-05-01", "2026-05-01T18:00Z", "2026-05-01T18:00:00", "2026-05-01 18:00:00Z",
        "2026-5-01T18:00:00Z", "2026-13-01T18:00:00Z", "2026-02-29T18:00:00Z", "2026-05-01T24:00:00Z",
        "2026-05-01T18:00:00.Z", "2026-05-01T18:00:00+0200", "2026-05-01T18:00:00+02", "2026-05-01T18:00:00Zjunk",
        "tomorrow",
    ])
    func refusesWhatIsNotRFC3339(_ text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }
}
