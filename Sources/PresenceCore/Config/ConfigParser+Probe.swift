import Yams

extension ConfigParser {
    /// The keys allowed in a bot's `probe:`.
    static let probeKeys = ["text", "expect", "interval", "timeout", "down_after", "up_after"]
    /// The shortest probe interval: a probe is a conversation in the bot's history.
    static let minimumProbeInterval: Duration = .seconds(10)
    /// The longest probe interval: a bot that stops answering must take its agents offline soon.
    static let maximumProbeInterval: Duration = .seconds(3600)
    /// The shortest probe timeout.
    static let minimumProbeTimeout: Duration = .seconds(1)
    /// The most probes in a row `down_after` and `up_after` may ask for.
    static let maximumProbeStreak = 20
    /// The longest test-conversation text, in characters.
    static let maximumProbeTextLength = 1000

    /// Reads a bot's `probe:` at `path`; null is every default.
    ///
    /// The default timeout is 10 s; with an interval of 10 s, which it would not fit, it is half
    /// the interval.
    static func readProbe(_ node: Node, at path: String, reader: inout YAMLNodeReader) -> ProbeSettings {
        var settings = ProbeSettings()
        guard let mapping = reader.mapping(node, at: path) else { return settings }
        let entries = reader.entries(of: mapping, at: path, known: probeKeys)
        if let entry = entries["text"], let text = reader.string(entry.value, at: path + ".text") {
            if text.count > maximumProbeTextLength {
                reader.report(entry.value, path + ".text",
                              "must be at most \(maximumProbeTextLength) characters, found \(text.count)")
            } else {
                settings.text = text
            }
        }
        if let entry = entries["expect"], let pattern = reader.string(entry.value, at: path + ".expect") {
            if let problem = ProbeAnswerCheck.problem(withPattern: pattern) {
                let oneLine = problem.split(whereSeparator: \.isNewline).joined(separator: " ")
                reader.report(entry.value, path + ".expect",
                              "\(ConfigText.quoted(pattern)) is not a valid regular expression: \(oneLine)")
            } else {
                settings.expect = pattern
            }
        }
        settings.cadence = readCadence(entries, at: path, reader: &reader)
        return settings
    }

    /// The interval, timeout and streaks among `entries`, checked against each other.
    private static func readCadence(
        _ entries: [String: YAMLNodeReader.Entry], at path: String, reader: inout YAMLNodeReader
    ) -> ProbeSettings.Cadence {
        let show = DurationFormat.string
        var cadence = ProbeSettings.Cadence()
        var intervalOK = true
        if let entry = entries["interval"] {
            if let value = reader.duration(entry.value, at: path + ".interval") {
                if value < minimumProbeInterval || value > maximumProbeInterval {
                    reader.report(entry.value, path + ".interval", "must be between 10s and 1h, found \(show(value))")
                    intervalOK = false
                } else {
                    cadence.interval = value
                }
            } else {
                intervalOK = false
            }
        }
        if let entry = entries["timeout"] {
            if let value = reader.duration(entry.value, at: path + ".timeout") {
                if value < minimumProbeTimeout {
                    reader.report(entry.value, path + ".timeout", "must be at least 1s, found \(show(value))")
                } else if intervalOK, value >= cadence.interval {
                    let given = entries["interval"] == nil ? ", the default" : ""
                    reader.report(entry.value, path + ".timeout", "must be shorter than \(path).interval "
                        + "(\(show(cadence.interval))\(given)), found \(show(value))")
                } else {
                    cadence.timeout = value
                }
            }
        } else if cadence.timeout >= cadence.interval {
            cadence.timeout = cadence.interval / 2
        }
        cadence.downAfter = streak("down_after", entries, at: path, reader: &reader) ?? cadence.downAfter
        cadence.upAfter = streak("up_after", entries, at: path, reader: &reader) ?? cadence.upAfter
        return cadence
    }

    /// `down_after` or `up_after`: a whole number from 1 to ``maximumProbeStreak``; `nil` when
    /// absent or reported.
    private static func streak(
        _ field: String, _ entries: [String: YAMLNodeReader.Entry], at path: String, reader: inout YAMLNodeReader
    ) -> Int? {
        guard let entry = entries[field], let value = reader.int(entry.value, at: path + "." + field) else { return nil }
        guard (1...maximumProbeStreak).contains(value) else {
            reader.report(entry.value, path + "." + field, "must be between 1 and \(maximumProbeStreak), found \(value)")
            return nil
        }
        return value
    }
}
