import Yams

extension ConfigParser {
    /// A duration of `ping:` as read: absent, invalid (already reported) or given at a node.
    private enum DurationField {
        case absent
        case invalid
        case given(Duration, Node)

        var value: Duration? {
            if case .given(let value, _) = self { return value }
            return nil
        }

        var node: Node? {
            if case .given(_, let node) = self { return node }
            return nil
        }

        var isValid: Bool {
            if case .invalid = self { return false }
            return true
        }
    }

    /// Reads `ping:` and checks that its durations fit together.
    static func readPing(_ node: Node, reader: inout YAMLNodeReader) -> PingSettings {
        let defaults = PingSettings()
        guard let mapping = reader.mapping(node, at: "ping") else { return defaults }
        let known = ["interval", "jitter", "timeout", "presence_window", "max_in_flight"]
        let entries = reader.entries(of: mapping, at: "ping", known: known)
        func duration(_ key: String) -> DurationField {
            guard let entry = entries[key] else { return .absent }
            guard let value = reader.duration(entry.value, at: "ping." + key) else { return .invalid }
            return .given(value, entry.value)
        }
        let interval = duration("interval")
        let jitter = duration("jitter")
        let timeout = duration("timeout")
        let window = duration("presence_window")
        var maxInFlight = defaults.maxInFlight
        if let entry = entries["max_in_flight"], let value = reader.int(entry.value, at: "ping.max_in_flight") {
            if value < 1 {
                reader.report(entry.value, "ping.max_in_flight", "must be at least 1, found \(value)")
            } else {
                maxInFlight = value
            }
        }
        // `jitter: nil` lets PingSettings pick `defaultJitter(for:)` the configured interval.
        let settings = PingSettings(
            interval: interval.value ?? defaults.interval,
            jitter: jitter.value,
            timeout: timeout.value ?? defaults.timeout,
            presenceWindow: window.value ?? defaults.presenceWindow,
            maxInFlight: maxInFlight
        )
        checkPing(settings, interval: interval, jitter: jitter, timeout: timeout, window: window, reader: &reader)
        return settings
    }

    /// The range and relation checks of `ping:`; relations involving an invalid field are skipped.
    private static func checkPing(
        _ settings: PingSettings,
        interval: DurationField, jitter: DurationField, timeout: DurationField, window: DurationField,
        reader: inout YAMLNodeReader
    ) {
        let show = DurationFormat.string
        var intervalOK = interval.isValid
        var windowOK = window.isValid
        if let value = interval.value,
           value < PingSettings.minimumInterval || value > PingSettings.maximumInterval {
            reader.report(interval.node, "ping.interval", "must be between \(show(PingSettings.minimumInterval)) "
                + "and \(show(PingSettings.maximumInterval)), found \(show(value))")
            intervalOK = false
        }
        if let value = window.value, value <= .zero {
            reader.report(window.node, "ping.presence_window", "must be longer than 0s, found \(show(value))")
            windowOK = false
        }
        if intervalOK, windowOK, settings.interval > settings.presenceWindow {
            // Point at whichever of the two the operator wrote; the interval when both.
            let (node, keyPath) = interval.node != nil || window.node == nil
                ? (interval.node, "ping.interval") : (window.node, "ping.presence_window")
            reader.report(node, keyPath, "ping.interval (\(show(settings.interval))) is longer than "
                + "ping.presence_window (\(show(settings.presenceWindow))): agents would go offline between pings")
        }
        if let value = jitter.value {
            if value < .zero {
                reader.report(jitter.node, "ping.jitter", "must not be negative, found \(show(value))")
            } else if intervalOK, value > settings.interval / 4 {
                reader.report(jitter.node, "ping.jitter", "must be at most a quarter of ping.interval "
                    + "(\(show(settings.interval / 4))) so two pings of one agent are never closer than "
                    + "half an interval, found \(show(value))")
            }
        }
        if let value = timeout.value {
            if value <= .zero {
                reader.report(timeout.node, "ping.timeout", "must be longer than 0s, found \(show(value))")
            } else if windowOK, value > settings.presenceWindow {
                reader.report(timeout.node, "ping.timeout", "must not be longer than ping.presence_window "
                    + "(\(show(settings.presenceWindow))), found \(show(value))")
            }
        } else if case .absent = timeout, windowOK, let value = window.value, settings.timeout > value {
            reader.report(window.node, "ping.presence_window", "must not be shorter than ping.timeout "
                + "(\(show(settings.timeout)), the default), found \(show(value))")
        }
    }
}
