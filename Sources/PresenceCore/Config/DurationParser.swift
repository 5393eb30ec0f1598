/// Reads config durations such as `60s`, `1500ms`, `2m`, `1h`, `1m30s` or `1.5s`.
///
/// A unit is required: a bare `60` is refused because seconds and milliseconds are both plausible
/// and guessing wrong changes the ping rate a thousandfold.
public enum DurationParser {
    /// The message given for any text that is not a duration.
    public static let expectation = "expected a duration such as 60s, 1500ms or 2m"

    /// The units, longest first, as (suffix, nanoseconds per unit).
    private static let units: [(suffix: String, nanoseconds: Int64)] = [
        ("h", 3_600_000_000_000),
        ("m", 60_000_000_000),
        ("s", 1_000_000_000),
        ("ms", 1_000_000),
    ]

    /// Parses `text`; returns `nil` when it is not a duration.
    ///
    /// Components must come in decreasing unit order (`1m30s`, not `30s1m`), each unit once.
    /// A leading `-` is accepted so that range checks can say "negative" rather than "malformed".
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text)
        var negative = false
        if rest.first == "-" {
            negative = true
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        var lastUnitRank = -1
        while !rest.isEmpty {
            guard let (nanoseconds, rank, remainder) = component(rest), rank > lastUnitRank else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(nanoseconds)
            guard !overflow else { return nil }
            total = sum
            lastUnitRank = rank
            rest = remainder
        }
        return .nanoseconds(negative ? -total : total)
    }

    /// Reads one `<number><unit>` from the front of `text`: its value, the unit's rank, the rest.
    private static func component(_ text: Substring) -> (Int64, Int, Substring)? {
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, parts.count <= 2 else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty else { return nil }
        let afterNumber = text.dropFirst(number.count)
        let unitText = afterNumber.prefix { $0.isASCII && $0.isLetter }
        guard let rank = units.firstIndex(where: { $0.suffix == unitText }) else { return nil }
        let perUnit = units[rank].nanoseconds
        guard let wholeValue = Int64(whole) else { return nil }
        let (scaled, overflow) = wholeValue.multipliedReportingOverflow(by: perUnit)
        guard !overflow else { return nil }
        // Nanosecond precision: digits past the ninth cannot matter for any unit used here.
        var fractionValue: Int64 = 0
        var divisor: Int64 = 1
        for digit in fraction.prefix(9) {
            fractionValue = fractionValue * 10 + Int64(digit.wholeNumberValue ?? 0)
            divisor *= 10
        }
        let fractionNanoseconds = divisor.dividingFullWidth(fractionValue.multipliedFullWidth(by: perUnit)).quotient
        let (sum, overflow2) = scaled.addingReportingOverflow(fractionNanoseconds)
        guard !overflow2 else { return nil }
        return (sum, rank, afterNumber.dropFirst(unitText.count))
    }
}
