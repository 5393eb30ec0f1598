import Foundation

/// RFC 3339 UTC timestamps with milliseconds (`2026-11-24T18:29:06.123Z`), fast enough for a
/// status file of 100,000 agents.
public enum RFC3339 {
    /// Formats `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    ///
    /// Digits go straight into a fixed 24-byte buffer: the status file formats four of these
    /// per agent, 400,000 for a large roster, and string interpolation was most of its cost.
    public static func string(from date: Date) -> String {
        guard let fields = Fields(date) else { return ISO8601DateFormatter().string(from: date) }
        return String(unsafeUninitializedCapacity: 24) { buffer in
            fields.write(into: buffer)
            return 24
        }
    }

    /// Appends `date` as ``string(from:)`` formats it, without making a `String`: the status
    /// file writes four of these per agent straight into its output.
    public static func append(_ date: Date, to bytes: inout [UInt8]) {
        guard let fields = Fields(date) else {
            bytes.append(contentsOf: string(from: date).utf8)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            fields.write(into: buffer)
            bytes.append(contentsOf: buffer)
        }
    }

    /// A moment split into the fields of its text; `nil` outside the years 0 to 9999.
    private struct Fields {
        var year, month, day, secondOfDay, millisecond: Int64

        init?(_ date: Date) {
            let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
            let (seconds, millisecond) = totalMilliseconds.floorDivided(by: 1000)
            let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
            (year, month, day) = civilDate(daysSinceEpoch: days)
            guard (0...9999).contains(year) else { return nil }
            self.secondOfDay = secondOfDay
            self.millisecond = millisecond
        }

        /// Writes the 24 bytes `YYYY-MM-DDTHH:MM:SS.mmmZ` into the start of `buffer`.
        func write(into buffer: UnsafeMutableBufferPointer<UInt8>) {
            func put(_ value: Int64, _ width: Int, at offset: Int) {
                var rest = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(secondOfDay / 3600, 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(secondOfDay / 60 % 60, 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(secondOfDay % 60, 2, at: 17)
            buffer[19] = UInt8(ascii: ".")
            put(millisecond, 3, at: 20)
            buffer[23] = UInt8(ascii: "Z")
        }
    }

    /// Howard Hinnant's `civil_from_days`: proleptic Gregorian date of a day count since 1970-01-01.
    static func civilDate(daysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> (Int64, Int64) {
        let quotient = self >= 0 ? self / divisor : (self - divisor + 1) / divisor
        return (quotient, self - quotient * divisor)
    }
}
