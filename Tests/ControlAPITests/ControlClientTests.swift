#if canImport(Glibc)
import Glibc
#endif
import ControlAPI
import Foundation
import Testing

/// The client's typed errors, which the command line turns into advice.
@Suite struct ControlClientTests {
    @Test func missingSocketIsNoDaemon() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("absent.sock")
        await #expect(throws: ControlClientError.noDaemon(path: path)) {
            _ = try await ControlClient(socketPath: path).request("GET", "/v1/status")
        }
        #expect(ControlClientError.noDaemon(path: path).description == "no daemon listening at \(path)")
    }

    @Test func staleSocketIsNoDaemon() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("stale.sock")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        let bound = UnixAddress.withAddress(path) { bind(fd, $0, $1) }
        #expect(bound == 0)
        close(fd)  // bound, never listening: connect() is refused
        await #expect(throws: ControlClientError.noDaemon(path: path)) {
            _ = try await ControlClient(socketPath: path).request("GET", "/v1/status")
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root bypasses folder permissions, so EACCES cannot be provoked"))
    func folderWithoutPermissionIsPermissionDenied() async throws {
        let test = try await TestServer.start()
        chmod(test.folder.path, 0o000)
        defer { chmod(test.folder.path, 0o700) }
        await #expect(throws: ControlClientError.permissionDenied(path: test.socketPath)) {
            _ = try await test.client.request("GET", "/v1/status")
        }
        chmod(test.folder.path, 0o700)
        await test.server.shutdown()
    }

    @Test func tooLongPathIsNamed() async {
        let path = "/tmp/" + String(repeating: "p", count: 200)
        await #expect(throws: ControlClientError.pathTooLong(path: path)) {
            _ = try await ControlClient(socketPath: path).request("GET", "/v1/status")
        }
    }

    @Test func pathSegmentEncodesAKeyAsOneSegment() {
        #expect(ControlClient.pathSegment("sales/id:abc") == "sales%2Fid%3Aabc")
        #expect(ControlClient.pathSegment("plain-key_1") == "plain-key_1")
    }
}
