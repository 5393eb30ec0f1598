import Yams

extension ConfigParser {
    /// Reads `metrics:`.
    static func readMetrics(_ node: Node, reader: inout YAMLNodeReader) -> MetricsSettings {
        guard let mapping = reader.mapping(node, at: "metrics") else { return MetricsSettings() }
        let entries = reader.entries(of: mapping, at: "metrics", known: ["listen", "textfile"])
        var settings = MetricsSettings()
        if let entry = entries["listen"], let text = reader.string(entry.value, at: "metrics.listen") {
            switch ListenAddress.parse(ConfigText.trimmed(text)) {
            case .success(let address): settings.listen = address
            case .failure(let error): reader.report(entry.value, "metrics.listen", "\(error.reason), found \(ConfigText.quoted(text))")
            }
        }
        if let entry = entries["textfile"], let path = reader.string(entry.value, at: "metrics.textfile") {
            if path.hasSuffix(".prom") {
                settings.textfile = path
            } else {
                reader.report(entry.value, "metrics.textfile",
                              "node_exporter's textfile collector reads only *.prom files, found \(ConfigText.quoted(path))")
            }
        }
        return settings
    }
}
