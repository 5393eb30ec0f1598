import ControlAPI
import Logging
import NIOPosix
import PresenceCore
import ServiceLifecycle
import SystemdSupport
#if canImport(Glibc)
import Glibc
#endif

/// The local control API as a service: listens while the daemon runs, on its own event loop so
/// a flood of clients never delays a ping's I/O.
///
/// Two sockets, because under `PrivateUsers=yes` the daemon cannot tell callers apart by uid:
/// `control.sock` (mode 0666) answers everybody's reads and only root's changes, and the
/// admin socket systemd makes for the admin group (`agent-presenced-admin.socket`, passed in
/// `LISTEN_FDS`) answers everything, the kernel having checked the group on `connect()`.
public struct ControlService: Service {
    let runtime: PresenceRuntime
    let socketPath: String
    let inherited: [InheritedSockets.Socket]
    let logger: Logger

    /// The group whose members may change presence, named by the admin socket unit.
    public static let adminGroup = "agent-presenced-admin"
    /// Where systemd makes the admin socket.
    public static let adminSocketPath = "/run/agent-presenced-admin.sock"

    /// Creates the service for `runtime`, its socket at `socketPath`, plus any sockets systemd
    /// passed.
    public init(runtime: PresenceRuntime, socketPath: String, inherited: [InheritedSockets.Socket], logger: Logger) {
        self.runtime = runtime
        self.socketPath = socketPath
        self.inherited = inherited
        self.logger = logger
    }

    /// Listens until graceful shutdown; a socket that cannot be made is logged and the daemon
    /// goes on without the API (pinging matters more).
    public func run() async throws {
        var listeners = [ControlListener.socketFile(socketPath, mode: 0o666, access: .readOnly(exceptPeerUIDs: [0, geteuid()]))]
        listeners += inherited.map { ControlListener.inherited(descriptor: $0.fd, access: .full) }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let server = try await ControlServer.start(listeners: listeners, routes: RuntimeControlRoutes(runtime: runtime), group: group, logger: logger)
            let names = ([socketPath] + inherited.map(\.name)).joined(separator: ", ")
            logger.info("control API listening on \(names)", metadata: ["control_socket": .string(socketPath)])
            try? await gracefulShutdown()
            await server.shutdown()
        } catch {
            logger.error("the control API is off: cannot listen on \(socketPath): \(error)", metadata: ["control_socket": .string(socketPath)])
            try? await gracefulShutdown()
        }
        try? await group.shutdownGracefully()
    }
}
