import Foundation
import Yams

extension ConfigParser {
    /// The keys of `brevo:`, also allowed in each account of `accounts:`.
    static let brevoKeys = ["base_url", "api_key_file", "received_from", "ca_file"]

    /// Reads `brevo:`.
    static func readBrevo(_ node: Node, reader: inout YAMLNodeReader) -> BrevoSettings {
        guard let mapping = reader.mapping(node, at: "brevo") else { return BrevoSettings() }
        return readBrevo(reader.entries(of: mapping, at: "brevo", known: brevoKeys), at: "brevo", reader: &reader)
    }

    /// Reads the ``brevoKeys`` among `entries`, a mapping at `path` (`brevo` or `accounts.<name>`).
    static func readBrevo(
        _ entries: [String: YAMLNodeReader.Entry], at path: String, reader: inout YAMLNodeReader
    ) -> BrevoSettings {
        var settings = BrevoSettings()
        if let entry = entries["base_url"], let url = reader.string(entry.value, at: path + ".base_url") {
            if let problem = baseURLProblem(url) {
                reader.report(entry.value, path + ".base_url", problem)
            } else {
                settings.baseURL = url
            }
        }
        if let entry = entries["api_key_file"] {
            settings.apiKeyFile = reader.string(entry.value, at: path + ".api_key_file")
        }
        if let entry = entries["received_from"] {
            settings.receivedFrom = reader.string(entry.value, at: path + ".received_from")
        }
        if let entry = entries["ca_file"] {
            settings.caFile = reader.string(entry.value, at: path + ".ca_file")
        }
        return settings
    }

    /// Why `text` is not a usable API base URL, or `nil`; `example` shows a good one.
    static func baseURLProblem(_ text: String, example: String = BrevoSettings.defaultBaseURL) -> String? {
        let expectation = "expected an http or https URL with a host, such as \(example)"
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else {
            return "\(expectation), found \(ConfigText.quoted(text))"
        }
        if components.user != nil || components.password != nil {
            return "the URL must not carry credentials; " + SecretKeyPolicy.message
        }
        if components.query != nil || components.fragment != nil {
            return "\(expectation), without a query or fragment"
        }
        return nil
    }

    /// Reads `rate_limit:`.
    static func readRateLimit(_ node: Node, reader: inout YAMLNodeReader) -> RateLimitSettings {
        guard let mapping = reader.mapping(node, at: "rate_limit") else { return RateLimitSettings() }
        let entries = reader.entries(of: mapping, at: "rate_limit", known: ["requests_per_hour"])
        return readRateLimit(entries, at: "rate_limit", reader: &reader)
    }

    /// Reads `requests_per_hour` among `entries`, a mapping at `path` (`rate_limit` or
    /// `accounts.<name>`): a whole number from 1 to ``RateLimitSettings/maxRequestsPerHour``.
    static func readRateLimit(
        _ entries: [String: YAMLNodeReader.Entry], at path: String, reader: inout YAMLNodeReader
    ) -> RateLimitSettings {
        var settings = RateLimitSettings()
        let keyPath = path + ".requests_per_hour"
        guard let entry = entries["requests_per_hour"], let value = reader.int(entry.value, at: keyPath) else {
            return settings
        }
        if value < 1 {
            reader.report(entry.value, keyPath, "must be at least 1, found \(value)")
        } else if value > RateLimitSettings.maxRequestsPerHour {
            reader.report(entry.value, keyPath,
                          "must be between 1 and \(RateLimitSettings.maxRequestsPerHour), found \(value)")
        } else {
            settings.requestsPerHour = value
        }
        return settings
    }
}
