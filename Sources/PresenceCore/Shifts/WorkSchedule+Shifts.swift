import Foundation

extension WorkSchedule {
    /// The shifts that overlap `[start, end)`, clipped to it, in order.
    ///
    /// Built from ``shift(at:)``: one call per change, so a week of a two-span office schedule
    /// costs about twenty calls.
    public func shifts(from start: Date, to end: Date) -> [Range<Date>] {
        var shifts: [Range<Date>] = []
        var time = start
        while time < end {
            let state = shift(at: time)
            let next = state.changesAt.map { min($0, end) } ?? end
            if state.isOn { shifts.append(time..<next) }
            // A change is always later than the instant asked about; guard anyway, so a zone
            // with surprising data cannot loop here forever.
            guard next > time else { break }
            time = next
        }
        return shifts
    }
}
