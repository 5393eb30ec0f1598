#if canImport(Glibc)
import Glibc
#endif
import ControlAPI
import Foundation
import NIOPosix
import Testing

/// Where listening sockets come from: a file the server makes, or an inherited descriptor.
@Suite struct ControlListenerTests {
    /// A listening Unix socket bound at `path`, made the way systemd's socket units make them.
    private func boundListeningSocket(at path: String) throws -> CInt {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawUnixSocket.Failure(description: "socket: errno \(errno)") }
        guard UnixAddress.withAddress(path, { bind(fd, $0, $1) }) == 0, listen(fd, 16) == 0 else {
            let code = errno
            close(fd)
            throw RawUnixSocket.Failure(description: "bind/listen \(path): errno \(code)")
        }
        return fd
    }

    private func start(_ listeners: [ControlListener]) async throws -> ControlServer {
        try await ControlServer.start(listeners: listeners, routes: TestRoutes(), group: MultiThreadedEventLoopGroup.singleton)
    }

    @Test func socketFileGetsTheModeAndIsRemovedOnShutdown() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("c.sock")
        let server = try await start([.socketFile(path, mode: 0o666, access: .full)])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.type] as? FileAttributeType == .typeSocket)
        #expect((attributes[.posixPermissions] as? Int) == 0o666)
        #expect(try await ControlClient(socketPath: path).request("GET", "/v1/status").status == 200)
        await server.shutdown()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func staleSocketFileIsReplaced() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("c.sock")
        close(try boundListeningSocket(at: path))  // the file stays: a crashed daemon's leftover
        #expect(FileManager.default.fileExists(atPath: path))
        let server = try await start([.socketFile(path, mode: 0o600, access: .full)])
        #expect(try await ControlClient(socketPath: path).request("GET", "/v1/status").status == 200)
        await server.shutdown()
    }

    @Test func aSocketAnotherServerListensOnIsLeftToIt() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("c.sock")
        let first = try await start([.socketFile(path, mode: 0o600, access: .full)])
        await #expect(throws: ControlServerError.inUse(path: path)) {
            _ = try await start([.socketFile(path, mode: 0o600, access: .full)])
        }
        #expect(try await ControlClient(socketPath: path).request("GET", "/v1/status").status == 200)
        await first.shutdown()
    }

    @Test func regularFileAtThePathIsRefusedAndKept() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("c.sock")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: path))
        await #expect(throws: ControlServerError.notASocket(path: path)) {
            _ = try await start([.socketFile(path, mode: 0o666, access: .full)])
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious")
    }

    @Test func inheritedDescriptorIsServedAndNeverUnlinked() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("inherited.sock")
        let fd = try boundListeningSocket(at: path)
        let server = try await start([.inherited(descriptor: fd, access: .full)])
        #expect(try await ControlClient(socketPath: path).request("GET", "/v1/agents/alice").status == 200)
        await server.shutdown()
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func severalListenersWithTheirOwnPolicies() async throws {
        let folder = try TemporaryFolder()
        let readPath = folder.file("read.sock")
        let adminPath = folder.file("admin.sock")
        let server = try await start([
            .socketFile(readPath, mode: 0o666, access: .readOnly(exceptPeerUIDs: [])),
            .socketFile(adminPath, mode: 0o660, access: .full),
        ])
        let body = Array(#"{"mode":"online"}"#.utf8)
        #expect(try await ControlClient(socketPath: readPath).request("PUT", "/v1/agents/alice/override", body: body).status == 403)
        #expect(try await ControlClient(socketPath: adminPath).request("PUT", "/v1/agents/alice/override", body: body).status == 200)
        await server.shutdown()
        #expect(!FileManager.default.fileExists(atPath: readPath) && !FileManager.default.fileExists(atPath: adminPath))
    }

    @Test func aFailingListenerUndoesTheOthers() async throws {
        let folder = try TemporaryFolder()
        let good = folder.file("good.sock")
        let blocked = folder.file("blocked")
        try Data().write(to: URL(fileURLWithPath: blocked))
        await #expect(throws: ControlServerError.self) {
            _ = try await start([.socketFile(good, mode: 0o666, access: .full), .socketFile(blocked, mode: 0o666, access: .full)])
        }
        #expect(!FileManager.default.fileExists(atPath: good))
    }
}
