/// Parses HTTP dates in the IMF-fixdate form (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110).
///
/// Hand-written rather than a `DateFormatter`: no locale, no shared mutable state, and the
/// obsolete RFC 850 form (`Sunday, 06-Nov-94 ...`) is also accepted, as RFC 9110 asks.
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Seconds since the Unix epoch of `text`, or `nil` when it is not an HTTP date.
    public static func secondsSinceEpoch(_ text: String) -> Int64? {
        // "Sun, 06 Nov 1994 08:49:37 GMT" or "Sunday, 06-Nov-94 08:49:37 GMT"
        let trimmed = text.trimmingSpaces
        guard let comma = trimmed.firstIndex(of: ",") else { return nil }
        let rest = trimmed[trimmed.index(after: comma)...]
            .split(whereSeparator: { $0 == " " || $0 == "-" })
            .map(String.init)
        guard rest.count == 5, rest[4].uppercased() == "GMT" else { return nil }
        guard
            let day = Int(rest[0]), (1...31).contains(day),
            let monthIndex = months.firstIndex(of: rest[1].lowercased()),
            var year = Int(rest[2])
        else { return nil }
        if rest[2].count == 2 { year += year < 70 ? 2000 : 1900 }
        let clock = rest[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...60).contains(clock[2])
        else { return nil }
        let days = daysSinceEpoch(year: year, month: monthIndex + 1, day: day)
        return days * 86_400 + Int64(clock[0] * 3600 + clock[1] * 60 + clock[2])
    }

    /// Howard Hinnant's days-from-civil algorithm.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
