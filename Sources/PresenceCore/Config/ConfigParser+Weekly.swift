import Yams

extension ConfigParser {
    /// Reads `weekly:`, a mapping of days or day ranges to spans; null is no weekly hours.
    ///
    /// A day given twice (`mon-fri` then `wed`) and spans that overlap, on a day or across
    /// midnight into the next (`sun: 22:00-06:00` runs into Monday), are reported; overlaps once
    /// per pair of written spans, however many days a range repeats them on.
    static func readWeekly(_ node: Node, at path: String, reader: inout YAMLNodeReader) -> [Weekday: [ShiftSpan]] {
        guard let mapping = reader.mapping(node, at: path) else { return [:] }
        var givenBy: [Weekday: (key: String, line: Int?)] = [:]
        var declared: [DeclaredSpan] = []
        var written = 0
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode, !YAMLNodeReader.isNull(keyNode) else {
                reader.report(keyNode, path, "days must be plain names (mon, mon-fri), found \(YAMLNodeReader.describe(keyNode))")
                continue
            }
            let key = scalar.string
            let keyPath = path + "." + key
            let days: [Weekday]
            switch ScheduleText.days(key) {
            case .success(let value): days = value
            case .failure(let problem):
                reader.report(keyNode, keyPath, problem.message)
                continue
            }
            if let day = days.first(where: { givenBy[$0] != nil }), let first = givenBy[day] {
                let place = first.line.map { " (line \($0))" } ?? ""
                reader.report(keyNode, keyPath, "\(day) is already given by \(first.key)\(place); give each day once")
                continue
            }
            for day in days { givenBy[day] = (key, keyNode.mark?.line) }
            for (node, span) in readSpans(value, at: keyPath, reader: &reader) {
                for day in days {
                    let start = (day.rawValue - 1) * LocalTime.minutesPerDay + span.minutes.lowerBound
                    declared.append(DeclaredSpan(span: span, day: day.abbreviation, written: written, node: node,
                                                 key: key, keyPath: keyPath, week: start..<(start + span.minutes.count)))
                }
                written += 1
            }
        }
        reportOverlaps(declared, period: 7 * LocalTime.minutesPerDay, reader: &reader)
        var weekly: [Weekday: [ShiftSpan]] = [:]
        for day in givenBy.keys { weekly[day] = [] }
        for span in declared { weekly[Weekday(rawValue: span.week.lowerBound / LocalTime.minutesPerDay + 1)!]?.append(span.span) }
        return weekly.mapValues { $0.sorted { $0.start < $1.start } }
    }

    /// Reads `except:`, a mapping of dates (`2026-12-25`) to `closed` or spans; null is none.
    ///
    /// Spans of one date may not overlap. They are not checked against the days around: an
    /// exception replaces only the spans that start on its date, and where it meets the day
    /// before's overnight span the two merge (see ``WorkSchedule``).
    static func readExceptions(_ node: Node, at path: String, reader: inout YAMLNodeReader) -> [LocalDate: [ShiftSpan]] {
        guard let mapping = reader.mapping(node, at: path) else { return [:] }
        var exceptions: [LocalDate: [ShiftSpan]] = [:]
        var written = 0
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode, !YAMLNodeReader.isNull(keyNode) else {
                reader.report(keyNode, path, "dates must be plain dates (2026-12-25), found \(YAMLNodeReader.describe(keyNode))")
                continue
            }
            let key = scalar.string
            let keyPath = path + "." + key
            let date: LocalDate
            switch ScheduleText.date(ConfigText.trimmed(key)) {
            case .success(let value): date = value
            case .failure(let problem):
                reader.report(keyNode, keyPath, problem.message)
                continue
            }
            var declared: [DeclaredSpan] = []
            for (node, span) in readSpans(value, at: keyPath, reader: &reader) {
                declared.append(DeclaredSpan(span: span, day: key, written: written, node: node, key: key,
                                             keyPath: keyPath, week: span.minutes))
                written += 1
            }
            reportOverlaps(declared, period: nil, reader: &reader)
            exceptions[date] = declared.map(\.span).sorted { $0.start < $1.start }
        }
        return exceptions
    }

    /// The spans of one day's value, each with the node it was written in: text (`09:00-12:00,
    /// 13:00-17:00` or `closed`) or a list of spans. Problems are reported and their spans left out.
    private static func readSpans(_ node: Node, at path: String, reader: inout YAMLNodeReader) -> [(Node, ShiftSpan)] {
        if case .sequence(let sequence) = node {
            if sequence.count == 0 {
                reader.report(node, path, "\(ScheduleText.spanShape), or closed; found an empty list")
            }
            var spans: [(Node, ShiftSpan)] = []
            for item in sequence {
                guard let text = reader.string(item, at: path) else { continue }
                switch ScheduleText.span(ConfigText.trimmed(text)) {
                case .success(let span): spans.append((item, span))
                case .failure(let problem): reader.report(item, path, problem.message)
                }
            }
            return spans
        }
        guard case .scalar = node else {
            reader.report(node, path, "\(ScheduleText.spanShape), or closed; found \(YAMLNodeReader.describe(node))")
            return []
        }
        guard let text = reader.string(node, at: path) else { return [] }
        switch ScheduleText.spans(text) {
        case .success(let spans): return spans.map { (node, $0) }
        case .failure(let problem):
            reader.report(node, path, problem.message)
            return []
        }
    }

    /// Reports each pair of written spans that overlap, once, at the later one.
    ///
    /// `period` is the length of the week in minutes for weekly spans, whose last day runs into
    /// the first; `nil` for the spans of one date. A handful of spans: pairs are checked directly.
    private static func reportOverlaps(_ spans: [DeclaredSpan], period: Int?, reader: inout YAMLNodeReader) {
        var reported: Set<[Int]> = []
        for later in spans.indices {
            for earlier in spans.indices.prefix(later) where spans[earlier].written != spans[later].written {
                let a = spans[earlier]
                let b = spans[later]
                guard overlap(a.week, b.week, period: period), reported.insert([a.written, b.written]).inserted else {
                    continue
                }
                let line = a.node.mark.map { ", line \($0.line)" } ?? ""
                let night = a.span.crossesMidnight ? ", which runs past midnight" : ""
                reader.report(b.node, b.keyPath, "\(b.span) on \(b.day) overlaps \(a.span) on \(a.day) "
                    + "(\(a.key)\(line))\(night); spans may touch but not overlap")
            }
        }
    }

    /// Whether two ranges of minutes overlap, on a circle of `period` minutes when given.
    private static func overlap(_ a: Range<Int>, _ b: Range<Int>, period: Int?) -> Bool {
        guard let period else { return a.overlaps(b) }
        let shift = { (range: Range<Int>, by: Int) in (range.lowerBound + by)..<(range.upperBound + by) }
        return a.overlaps(b) || a.overlaps(shift(b, period)) || shift(a, period).overlaps(b)
    }
}

/// One span as written for one day, with where it was written, for the overlap check.
private struct DeclaredSpan {
    /// The span.
    let span: ShiftSpan
    /// The day it applies to as named in messages: `mon`, or a date.
    let day: String
    /// Which written span it came from: a range repeats one written span on several days.
    let written: Int
    /// The node it was written in, for the line.
    let node: Node
    /// The key it was written under (`mon-fri`, a date).
    let key: String
    /// The key path of its day, for the report.
    let keyPath: String
    /// Its minutes from Monday 00:00 (weekly), or from the date's midnight (exceptions).
    let week: Range<Int>
}
