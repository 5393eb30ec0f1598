#if canImport(Glibc)
import Glibc
#endif
import ControlAPI
import Foundation
import Logging
import NIOPosix

/// A folder under /tmp for one test's sockets: short enough for `sun_path` (108 bytes).
final class TemporaryFolder: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/ctl.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw RawUnixSocket.Failure(description: "mkdtemp: errno \(errno)") }
        path = String(cString: made)
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A control server on a socket file in a fresh folder, with the test routes.
struct TestServer: Sendable {
    let server: ControlServer
    let routes: TestRoutes
    let folder: TemporaryFolder
    let socketPath: String

    static func start(
        access: AccessPolicy = .full,
        configuration: ControlServer.Configuration = ControlServer.Configuration(),
        routes: TestRoutes = TestRoutes()
    ) async throws -> TestServer {
        let folder = try TemporaryFolder()
        let path = folder.file("control.sock")
        let server = try await ControlServer.start(
            listeners: [.socketFile(path, mode: 0o666, access: access)],
            routes: routes,
            group: MultiThreadedEventLoopGroup.singleton,
            configuration: configuration
        )
        return TestServer(server: server, routes: routes, folder: folder, socketPath: path)
    }

    /// Runs `body` against a fresh server and shuts the server down afterwards, whatever happens.
    static func with<T>(
        access: AccessPolicy = .full,
        configuration: ControlServer.Configuration = ControlServer.Configuration(),
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let test = try await start(access: access, configuration: configuration)
        do {
            let result = try await body(test)
            await test.server.shutdown()
            return result
        } catch {
            await test.server.shutdown()
            throw error
        }
    }

    var client: ControlClient { ControlClient(socketPath: socketPath) }

    /// Sends `text` raw, then reads until the server closes (or 10 s pass).
    func exchange(_ text: String) async throws -> RawUnixSocket.Received {
        let path = socketPath
        return try await offPool {
            let socket = try RawUnixSocket(path: path)
            socket.send(text)
            return socket.receiveAll()
        }
    }

    /// Waits up to `seconds` for the server to have no open connection.
    func drained(within seconds: Double = 10) async -> Bool {
        await eventually(within: seconds) { server.openConnections == 0 }
    }
}

/// Polls `condition` until it holds or `seconds` pass (no timing asserts, only "eventually").
func eventually(within seconds: Double, _ condition: @Sendable () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}
