/// Writes durations the way the config reads them (`60s`, `1.5s`, `2m`, `250ms`), for summaries.
public enum DurationFormat {
    /// The shortest config-style text for `duration`; `DurationParser` reads it back.
    ///
    /// Whole minutes or hours are used from two of them on, so the common `60s` stays `60s`.
    public static func string(_ duration: Duration) -> String {
        let nanoseconds = duration.nanoseconds
        if nanoseconds == 0 { return "0s" }
        if nanoseconds < 0 {
            return "-" + string(.nanoseconds(nanoseconds == .min ? .max : -nanoseconds))
        }
        let hour: Int64 = 3_600_000_000_000
        let minute: Int64 = 60_000_000_000
        let second: Int64 = 1_000_000_000
        if nanoseconds % hour == 0, nanoseconds >= 2 * hour { return "\(nanoseconds / hour)h" }
        if nanoseconds % minute == 0, nanoseconds >= 2 * minute { return "\(nanoseconds / minute)m" }
        if nanoseconds < second { return decimal(nanoseconds, per: 1_000_000, digits: 6) + "ms" }
        return decimal(nanoseconds, per: second, digits: 9) + "s"
    }

    /// `value / per` as a decimal without trailing zeros.
    private static func decimal(_ value: Int64, per: Int64, digits: Int) -> String {
        let whole = value / per
        let remainder = value % per
        guard remainder != 0 else { return "\(whole)" }
        var fraction = String(remainder)
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }
}
