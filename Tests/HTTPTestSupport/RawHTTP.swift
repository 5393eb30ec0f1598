#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A deliberately plain HTTP/1.1 client over a blocking socket, to poke the stand-ins with
/// requests the real clients would never send (no key, missing headers, bad bodies, wrong
/// paths) and to drive the run-time fault control. Shared by the HTTP edges' test targets.
public enum RawHTTP {
    /// One answer, read to the end.
    public struct Answer: Sendable {
        /// The status code.
        public var status: Int
        /// The headers, names lower-cased.
        public var headers: [String: String]
        /// The body as text.
        public var body: String
    }

    /// Why a request could not be made or its answer read.
    public struct Failure: Error, CustomStringConvertible {
        /// What failed.
        public var description: String
    }

    /// Sends one request to 127.0.0.1:`port` with `Connection: close` and reads the whole answer.
    public static func send(
        port: Int, method: String = "POST", path: String = "/v3/conversations/agentOnlinePing",
        headers: [String: String] = [:], body: String = ""
    ) throws -> Answer {
        let fd = try connected(port: port)
        defer { close(fd) }

        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        text += "Content-Length: \(body.utf8.count)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n" + body
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw Failure(description: "send") }
            sent += n
        }

        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        return try parse(String(decoding: received, as: UTF8.self))
    }

    /// Whether something accepts connections on 127.0.0.1:`port` now.
    public static func connectable(port: Int) -> Bool {
        guard let fd = try? connected(port: port) else { return false }
        close(fd)
        return true
    }

    /// A socket connected to 127.0.0.1:`port`, reads timing out after 10 s.
    private static func connected(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            close(fd)
            throw Failure(description: "connect")
        }
        return fd
    }

    private static func parse(_ text: String) throws -> Answer {
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "no head in \(text)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = lines.first, statusLine.split(separator: " ").count >= 2,
            let status = Int(statusLine.split(separator: " ")[1])
        else { throw Failure(description: "bad status line") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            headers[line[..<colon].lowercased()] = String(value)
        }
        return Answer(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}
