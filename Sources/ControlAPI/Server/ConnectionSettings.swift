import Logging
import NIOCore

/// What every connection of one listener shares: the daemon's routes, the listener's access
/// policy and the server's limits.
struct ConnectionSettings: Sendable {
    var routes: any ControlRoutes
    var access: AccessPolicy
    var requestTimeout: TimeAmount
    var maxBodyBytes: Int
    var logger: Logger
}
