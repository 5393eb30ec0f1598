import PresenceCore
import PresenceDaemon

extension ConfigSummary {
    /// The extra CA certificates trusted, and which proxy the requests go through (never its password).
    var transportLines: [String] {
        var lines = loaded.trustAnchors.keys.sorted().compactMap { path in
            loaded.trustAnchors[path].map { "  tls: trusts \($0) beside the system's trust store" }
        }
        let routes = loaded.proxyRoutes
        if routes == .direct {
            if loaded.config.proxy?.direct == true { lines.append("  proxy: none (proxy.url: none)") }
            return lines
        }
        var parts: [String] = []
        if let https = routes.https, https == routes.http {
            parts.append("via \(https)")
        } else {
            if let https = routes.https { parts.append("https via \(https)") }
            if let http = routes.http { parts.append("http via \(http)") }
        }
        if !routes.bypass.entries.isEmpty || routes.bypass.matchesEverything { parts.append("no_proxy \(routes.bypass)") }
        if let source = loaded.proxyCredentialsSource { parts.append("credentials from \(source)") }
        lines.append("  proxy: " + parts.joined(separator: ", "))
        return lines
    }
}
