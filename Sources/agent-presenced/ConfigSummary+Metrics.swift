import PresenceCore
import PresenceDaemon

extension ConfigSummary {
    /// Where the metrics are served and written, when they are.
    var metricsLines: [String] {
        let metrics = loaded.config.metrics
        guard metrics.isEnabled else { return [] }
        var parts: [String] = []
        if let listen = metrics.listen { parts.append("served on http://\(listen)/metrics") }
        if let textfile = metrics.textfile { parts.append("written to \(textfile)") }
        return ["  metrics: " + parts.joined(separator: ", ")]
    }
}
