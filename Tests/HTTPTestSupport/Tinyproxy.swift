import BrevoStandIn
import Foundation

/// A real forward proxy, Debian's tinyproxy, started in the foreground on a free loopback
/// port with its own config and log in a temporary folder. Call ``stop()`` when done.
public final class Tinyproxy: @unchecked Sendable {
    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    /// Its folder: config and log.
    public let folder: String
    private let process: Process

    /// Starts tinyproxy and returns once it accepts connections.
    ///
    /// - Parameters:
    ///   - basicAuth: a user name and password it then demands (407 without them).
    ///   - connectPorts: the only ports CONNECT may reach (403 for others); every port when `nil`.
    public init(basicAuth: (username: String, password: String)? = nil, connectPorts: [Int]? = nil) throws {
        port = try FreePort.next()
        folder = NSTemporaryDirectory() + "ap-proxy-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var config = [
            "Port \(port)", "Listen 127.0.0.1", "Timeout 30", "MaxClients 64", "Allow 127.0.0.1",
            "LogLevel Connect", "LogFile \"\(folder)/tinyproxy.log\"",
        ]
        if let basicAuth { config.append("BasicAuth \(basicAuth.username) \(basicAuth.password)") }
        config += (connectPorts ?? []).map { "ConnectPort \($0)" }
        try (config.joined(separator: "\n") + "\n").write(toFile: folder + "/tinyproxy.conf", atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tinyproxy")
        process.arguments = ["-d", "-c", folder + "/tinyproxy.conf"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    /// `http://127.0.0.1:port`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// The `host:port` of every CONNECT it was asked for, from its log, in order.
    public var connectTargets: [String] {
        requestLines.compactMap { line in
            guard line.hasPrefix("CONNECT ") else { return nil }
            return line.split(separator: " ").dropFirst().first.map(String.init)
        }
    }

    /// Every request line it was sent (`CONNECT host:port HTTP/1.1`, `POST http://… HTTP/1.1`), in order.
    public var requestLines: [String] {
        guard let log = try? String(contentsOfFile: folder + "/tinyproxy.log", encoding: .utf8) else { return [] }
        return log.split(separator: "\n").compactMap { line in
            guard line.contains("Request (file descriptor"), let range = line.range(of: "): ") else { return nil }
            return String(line[range.upperBound...])
        }
    }

    /// Stops it and removes its folder.
    public func stop() {
        // SIGKILL: on SIGTERM tinyproxy waits for its open tunnels to time out.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            guard process.isRunning else { break }
            if RawHTTP.connectable(port: port) { return }
            usleep(50_000)
        }
        stop()
        throw TinyproxyError(description: "tinyproxy did not start listening on 127.0.0.1:\(port)")
    }
}

/// tinyproxy did not start.
public struct TinyproxyError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
}
