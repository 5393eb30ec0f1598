/// A stretch of uninterrupted working time in wall-clock minutes (see ``ZoneWallClock``).
struct WallRun: Equatable {
    /// The first wall minute of the run.
    var start: Int
    /// The wall minute the run ends at (exclusive).
    var end: Int
    /// Whether the run reaches the end of the days walked, so its real end is not known.
    var isOpenEnded: Bool
}

extension WorkSchedule {
    /// Calls `body` with each run of merged spans that start on local days `first...last`, in
    /// order, until `body` returns `false`.
    ///
    /// Spans that touch or overlap merge, also across midnight and across days, so a 24/7
    /// schedule is one open-ended run. Integer arithmetic only: no zone look-ups.
    func forEachRun(fromDay first: Int, throughDay last: Int, _ body: (WallRun) -> Bool) {
        guard first <= last else { return }
        var pending: WallRun?
        for day in first...last {
            let base = day * LocalTime.minutesPerDay
            for span in Self.byStart(spans(onDay: day)) {
                let minutes = span.minutes
                let start = base + minutes.lowerBound
                let end = base + minutes.upperBound
                if var run = pending, start <= run.end {
                    run.end = max(run.end, end)
                    pending = run
                    continue
                }
                if let run = pending, !body(run) { return }
                pending = WallRun(start: start, end: end, isOpenEnded: false)
            }
        }
        guard var run = pending else { return }
        // A run reaching midnight after the last day might go on: the walk cannot tell.
        run.isOpenEnded = run.end >= (last + 1) * LocalTime.minutesPerDay
        _ = body(run)
    }

    /// `spans` ordered by start, without copying when they already are (the parser sorts them).
    private static func byStart(_ spans: [ShiftSpan]) -> [ShiftSpan] {
        var sorted = true
        for index in spans.indices.dropFirst() where spans[index - 1].start > spans[index].start {
            sorted = false
            break
        }
        return sorted ? spans : spans.sorted { $0.start < $1.start }
    }
}
