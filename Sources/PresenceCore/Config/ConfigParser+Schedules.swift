import Foundation
import Yams

extension ConfigParser {
    /// The keys allowed in one schedule of `schedules:`.
    static let scheduleKeys = ["timezone", "weekly", "except"]

    /// Reads `schedules:` when the file has it: the valid schedules by name, and a resolver that
    /// knows every declared name (also of schedules with problems, already reported).
    static func readSchedules(
        _ entries: [String: YAMLNodeReader.Entry], reader: inout YAMLNodeReader
    ) -> (schedules: [String: WorkSchedule], resolver: DeclaredNames) {
        guard let entry = entries["schedules"], !YAMLNodeReader.isNull(entry.value) else {
            return ([:], DeclaredNames.schedules([]))
        }
        guard case .mapping(let mapping) = entry.value else {
            reader.report(entry.value, "schedules", "expected a mapping of schedules by name (paris-office: ...), "
                + "found \(YAMLNodeReader.describe(entry.value))")
            return ([:], DeclaredNames.schedules([]))
        }
        var schedules: [String: WorkSchedule] = [:]
        var names: [String] = []
        for (key, value) in mapping {
            guard let name = scheduleName(key, reader: &reader) else { continue }
            names.append(name)
            if let schedule = readSchedule(name: name, key: key, value: value, reader: &reader) {
                schedules[name] = schedule
            }
        }
        return (schedules, DeclaredNames.schedules(names))
    }

    /// The name of a schedule, which follows the rule of account names; `nil` when reported.
    private static func scheduleName(_ key: Node, reader: inout YAMLNodeReader) -> String? {
        guard case .scalar(let scalar) = key, !YAMLNodeReader.isNull(key) else {
            reader.report(key, "schedules", "schedule names must be plain names, found \(YAMLNodeReader.describe(key))")
            return nil
        }
        let name = scalar.string
        guard AccountSettings.isValidName(name) else {
            reader.report(key, "schedules." + name, "\(ConfigText.quoted(name)) is not a valid schedule name: use 1 to 32 "
                + "lowercase letters, digits, \"-\" and \"_\", starting with a letter or a digit")
            return nil
        }
        return name
    }

    /// Reads one schedule; `nil` when it has a problem (already reported).
    private static func readSchedule(name: String, key: Node, value: Node, reader: inout YAMLNodeReader) -> WorkSchedule? {
        let path = "schedules." + name
        let issuesBefore = reader.issues.count
        var zone: TimeZone?
        var weekly: [Weekday: [ShiftSpan]] = [:]
        var exceptions: [LocalDate: [ShiftSpan]] = [:]
        let mapping = reader.mapping(value, at: path)
        let entries = mapping.map { reader.entries(of: $0, at: path, known: scheduleKeys) } ?? [:]
        if let entry = entries["timezone"] {
            zone = readTimeZone(entry.value, at: path + ".timezone", reader: &reader)
        } else if mapping != nil || YAMLNodeReader.isNull(value) {
            reader.report(key, path + ".timezone", "a schedule needs timezone: the IANA name of its zone, "
                + "such as Europe/Paris")
        }
        if let entry = entries["weekly"] { weekly = readWeekly(entry.value, at: path + ".weekly", reader: &reader) }
        if let entry = entries["except"] {
            exceptions = readExceptions(entry.value, at: path + ".except", reader: &reader)
        }
        guard let zone, reader.issues.count == issuesBefore else { return nil }
        return WorkSchedule(name: name, timeZone: zone, weekly: weekly, exceptions: exceptions,
                            source: reader.location(key))
    }

    /// The zone of an IANA name such as `Europe/Paris` (or `UTC`); `nil` when reported.
    ///
    /// Foundation also accepts abbreviations (`CET`, `EST`) and fixed offsets (`GMT+2`), but a
    /// schedule written in those silently ignores daylight saving, or follows a rule the
    /// operator did not mean: only region names (with a `/`) and `UTC` are taken.
    private static func readTimeZone(_ node: Node, at path: String, reader: inout YAMLNodeReader) -> TimeZone? {
        guard let text = reader.string(node, at: path) else { return nil }
        let name = ConfigText.trimmed(text)
        if name.contains("/") || name == "UTC", let zone = TimeZone(identifier: name) { return zone }
        var message = "\(ConfigText.quoted(name)) is not an IANA time zone name such as Europe/Paris"
        if TimeZone(identifier: name) != nil {
            message += "; abbreviations and fixed offsets do not follow the local daylight saving rules: "
                + "name the region (Europe/Paris, America/New_York), or UTC"
        } else if let suggestion = KeySuggestion.closest(to: name, in: TimeZone.knownTimeZoneIdentifiers) {
            message += "; did you mean \"\(suggestion)\"?"
        }
        reader.report(node, path, message)
        return nil
    }
}
