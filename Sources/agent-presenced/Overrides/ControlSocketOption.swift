import ArgumentParser
import ControlAPI
import Foundation
import PresenceCore
import PresenceDaemon
#if canImport(Glibc)
import Glibc
#endif

/// `--socket PATH`: the running daemon's control socket, for the commands that talk to it.
struct ControlSocketOption: ParsableArguments {
    @Option(name: .customLong("socket"), help: ArgumentHelp(
        "The daemon's control socket (default: $RUNTIME_DIRECTORY/control.sock, else /run/agent-presenced/control.sock).",
        valueName: "path"
    ))
    var path: String?

    /// The socket to read from.
    var readSocket: String {
        path ?? ConfigPaths.controlSocketPath(
            statusFilePath: ConfigPaths.statusFilePath(configured: nil, configFolder: "/", environment: ProcessInfo.processInfo.environment),
            environment: ProcessInfo.processInfo.environment
        )
    }

    /// The sockets to change presence through, best first: the admin group's socket (made by
    /// `agent-presenced-admin.socket`) for a member of the group, then the control socket,
    /// which takes changes from root.
    var changeSockets: [String] {
        if let path { return [path] }
        var sockets: [String] = []
        if geteuid() != 0, FileManager.default.fileExists(atPath: ControlService.adminSocketPath) {
            sockets.append(ControlService.adminSocketPath)
        }
        sockets.append(readSocket)
        return sockets
    }
}

/// Requests to the running daemon for the command line, with its errors turned into lines for
/// the operator and the contract's exit codes.
enum DaemonRequest {
    /// Sends one request; a daemon that is not there, or refuses the caller, ends the command.
    static func send(_ method: String, _ path: String, body: [UInt8]? = nil, sockets: [String]) async throws -> (status: Int, body: [UInt8]) {
        var lastError: ControlClientError?
        for socket in sockets {
            do {
                let answer = try await ControlClient(socketPath: socket).request(method, path, body: body)
                if answer.status == 403, socket != sockets.last { continue }
                return answer
            } catch {
                lastError = error
                if case .permissionDenied = error, socket != sockets.last { continue }
            }
        }
        switch lastError {
        case .noDaemon(let path)?:
            Console.error("agent-presenced is not running: \(ControlClientError.noDaemon(path: path))")
        case let error?:
            Console.error("\(error)\(permissionHint(error))")
        case nil:
            Console.error("no control socket to ask")
        }
        throw ExitCode.failure
    }

    /// The running daemon's status document.
    static func status(socket: String) async throws -> StatusDocument {
        let answer = try await send("GET", "/v1/status", sockets: [socket])
        guard answer.status == 200, let document = try? JSONDecoder().decode(StatusDocument.self, from: Data(answer.body)) else {
            Console.error("unexpected answer from the daemon (HTTP \(answer.status)): \(String(decoding: answer.body.prefix(300), as: UTF8.self))")
            throw ExitCode.failure
        }
        return document
    }

    /// The `error` of an error answer, else the body as text.
    static func message(of body: [UInt8]) -> String {
        ControlResponse(status: 0, body: body).errorMessage ?? String(decoding: body.prefix(300), as: UTF8.self)
    }

    private static func permissionHint(_ error: ControlClientError) -> String {
        guard case .permissionDenied = error else { return "" }
        return "; changing presence needs root or membership of the group \(ControlService.adminGroup)"
    }
}
