import Foundation

/// Converts between instants and wall-clock minutes of one zone, with explicit daylight-saving
/// rules.
///
/// A wall minute is counted from 1970-01-01 00:00 *local*, so `day * 1440 + minuteOfDay`.
/// Going from wall time to an instant is where daylight saving bites, and the rules are ours
/// rather than `Calendar.date(from:)`'s, whose handling of skipped and repeated times has
/// differed between Foundation versions:
/// - a wall time that the zone skips (spring forward) names the instant the gap ends, so a span
///   starting at 02:30 on that night starts when the clocks read 03:00;
/// - a wall time that happens twice (fall back) names its first occurrence, so a repeated hour
///   counts once: a span 01:30-02:30 on that night ends at the first 02:30 and is off during the
///   second pass through 02:00-03:00.
/// Both rules keep the conversion monotonic, so spans that touch in wall time still touch as
/// instants and merging in wall time stays valid.
struct ZoneWallClock {
    /// The zone whose wall clock this is.
    let zone: TimeZone

    /// Seconds in a day.
    static let secondsPerDay = 86_400

    /// The local day number (days since 1970-01-01 local) on which `date` falls.
    func wallDay(of date: Date) -> Int {
        let local = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        return Int((local / Double(Self.secondsPerDay)).rounded(.down))
    }

    /// The instant that wall minute `wallMinute` names, by the rules above.
    func instant(ofWallMinute wallMinute: Int) -> Date {
        let local = wallMinute * 60
        // Offsets are within ±14 h, so a day either side of the wall time, read as UTC, lies
        // before and after every instant that could show it: the offsets in force around it.
        let before = offset(at: local - Self.secondsPerDay)
        let after = offset(at: local + Self.secondsPerDay)
        let first = max(before, after)
        let second = min(before, after)
        // The larger offset gives the earlier instant: try it first, for the first occurrence.
        for candidate in first == second ? [first] : [first, second] where offset(at: local - candidate) == candidate {
            return Date(timeIntervalSince1970: Double(local - candidate))
        }
        return gapEnd(around: local, before: before, after: after)
    }

    /// The instant a skipped stretch of wall time ends: the transition between the two offsets.
    ///
    /// The wall time `local` was skipped, so the zone moved from `before` to a larger `after`
    /// between `local - after` and `local - before`; a binary search over seconds finds the first
    /// instant with the new offset (a dozen look-ups for an hour's gap).
    private func gapEnd(around local: Int, before: Int, after: Int) -> Date {
        var low = local - after
        var high = local - before
        guard low < high, offset(at: high) == after else {
            // Not the shape of a transition (a zone with two changes within a day): keep the
            // wall time at the older offset, which is also after the gap.
            return Date(timeIntervalSince1970: Double(local - before))
        }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offset(at: middle) == after { high = middle } else { low = middle }
        }
        return Date(timeIntervalSince1970: Double(high))
    }

    /// The zone's offset from UTC, in seconds, at `seconds` since 1970 UTC.
    private func offset(at seconds: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }
}
