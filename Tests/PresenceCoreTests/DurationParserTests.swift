import PresenceCore
import Testing

@Suite("DurationParser and DurationFormat")
struct DurationParserTests {
    @Test("reads every unit, compounds and decimals", arguments: [
        ("1500ms", Duration.milliseconds(1500)),
        ("60s", .seconds(60)),
        ("2m", .seconds(120)),
        ("1h", .seconds(3600)),
        ("1m30s", .seconds(90)),
        ("1h2m3s4ms", .milliseconds(3_723_004)),
        ("1.5s", .milliseconds(1500)),
        ("0.25s", .milliseconds(250)),
        ("2.5m", .seconds(150)),
        ("0s", .zero),
        ("-2s", .seconds(-2)),
    ])
    func parses(text: String, expected: Duration) {
        #expect(DurationParser.parse(text) == expected)
    }

    @Test("refuses bare numbers and anything else", arguments: [
        "60", "", "s", "60 s", "60sec", "1.5", "1.s", ".5s", "1..5s", "30s1m", "1s1s", "1d", "abc",
        "1m 30s", "99999999999999999999h", "--1s", "1e3ms",
    ])
    func refuses(text: String) {
        #expect(DurationParser.parse(text) == nil)
    }

    @Test("formats durations the way the config reads them", arguments: [
        (Duration.seconds(60), "60s"),
        (.milliseconds(1500), "1.5s"),
        (.seconds(120), "2m"),
        (.milliseconds(250), "250ms"),
        (.seconds(90), "90s"),
        (.seconds(7200), "2h"),
        (.zero, "0s"),
        (.seconds(-2), "-2s"),
        (.microseconds(1500), "1.5ms"),
    ])
    func formats(duration: Duration, expected: String) {
        #expect(DurationFormat.string(duration) == expected)
    }

    @Test("formatting and parsing round-trip")
    func roundTrips() {
        let samples: [Duration] = [.milliseconds(1), .milliseconds(999), .milliseconds(1001), .seconds(59),
                                   .seconds(61), .seconds(600), .milliseconds(123_456), .seconds(86400)]
        for sample in samples {
            #expect(DurationParser.parse(DurationFormat.string(sample)) == sample)
        }
    }
}
