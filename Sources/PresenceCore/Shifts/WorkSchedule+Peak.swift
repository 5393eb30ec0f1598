import Foundation

extension WorkSchedule {
    /// The largest number of agents on shift at the same instant within `days` days from
    /// `date`, for planning a budget that must hold at the busiest moment.
    ///
    /// Each group is some agents on one schedule; a `nil` schedule is always on. The count
    /// changes only where some schedule starts or ends a shift, so a sweep over those change
    /// points is exact: ends are counted before starts at the same instant, since shifts are
    /// half-open and an agent handing over to another is not two agents at once.
    public static func peakOnCount(
        _ groups: [(schedule: WorkSchedule?, agents: Int)], from date: Date, days: Int = 8
    ) -> Int {
        var alwaysOn = 0
        var bySchedule: [WorkSchedule: Int] = [:]
        for group in groups where group.agents > 0 {
            if let schedule = group.schedule {
                bySchedule[schedule, default: 0] += group.agents
            } else {
                alwaysOn += group.agents
            }
        }
        let end = date.addingTimeInterval(Double(days) * Double(ZoneWallClock.secondsPerDay))
        var changes: [(at: Date, delta: Int)] = []
        for (schedule, agents) in bySchedule {
            for shift in schedule.shifts(from: date, to: end) {
                changes.append((shift.lowerBound, agents))
                changes.append((shift.upperBound, -agents))
            }
        }
        changes.sort { $0.at != $1.at ? $0.at < $1.at : $0.delta < $1.delta }
        var onShift = 0
        var peak = 0
        for change in changes {
            onShift += change.delta
            peak = max(peak, onShift)
        }
        return alwaysOn + peak
    }
}
