import BrevoAPI
import PresenceCore

extension LoadedConfig {
    /// How the requests of an API with `caFile` (as configured, possibly relative) travel:
    /// its CA certificates beside the system's, and the proxy routes with their credentials.
    public func transportPolicy(caFile: String?) -> HTTPTransportPolicy {
        let trust = caFile.flatMap { trustAnchors[ConfigPaths.resolve($0, relativeTo: ConfigPaths.folder(of: path))] }
        return HTTPTransportPolicy(trust: trust, routes: proxyRoutes, proxyCredentials: proxyCredentials)
    }
}
