import NIOCore
import NIOHTTP1
import NIOPosix

/// A client of the control API for the command line: one request per connection over the
/// daemon's Unix socket.
public struct ControlClient: Sendable {
    /// The control socket's path.
    public let socketPath: String
    private let group: any EventLoopGroup
    private let timeout: Duration

    /// A client of the daemon at `socketPath`, whose requests fail after `timeout`.
    public init(
        socketPath: String, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        timeout: Duration = .seconds(30)
    ) {
        self.socketPath = socketPath
        self.group = group
        self.timeout = timeout
    }

    /// `key` percent-encoded as one path segment, e.g. `sales/id:abc` as `sales%2Fid%3Aabc`,
    /// for `"/v1/agents/\(ControlClient.pathSegment(key))"`.
    public static func pathSegment(_ key: String) -> String {
        PathSegment.encode(key)
    }

    /// Sends `method path` with an optional JSON `body` and returns the daemon's answer.
    public func request(
        _ method: String, _ path: String, body: [UInt8]? = nil
    ) async throws(ControlClientError) -> (status: Int, body: [UInt8]) {
        let loop = group.next()
        let answer = loop.makePromise(of: (status: Int, body: [UInt8]).self)
        let socketPath = socketPath
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: loop)
                .connectTimeout(TimeAmount(timeout))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(ResponseCollector(promise: answer, path: socketPath))
                    }
                }
                .connect(unixDomainSocketPath: socketPath)
                .get()
        } catch {
            answer.fail(error)  // nobody waits on it; completing it keeps NIO from complaining
            throw Self.classify(error, path: socketPath)
        }
        let timer = loop.scheduleTask(in: TimeAmount(timeout)) {
            answer.fail(ControlClientError.timedOut(path: socketPath))
            channel.close(promise: nil)
        }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: "localhost")
        headers.add(name: "Connection", value: "close")
        headers.add(name: "Content-Length", value: String(body?.count ?? 0))
        if body != nil { headers.add(name: "Content-Type", value: "application/json") }
        let head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: path, headers: headers)
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        if let body, !body.isEmpty {
            channel.write(HTTPClientRequestPart.body(.byteBuffer(channel.allocator.buffer(bytes: body))), promise: nil)
        }
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        defer {
            timer.cancel()
            channel.close(promise: nil)
        }
        do {
            return try await answer.futureResult.get()
        } catch let error as ControlClientError {
            throw error
        } catch {
            throw .badResponse(path: socketPath, reason: "\(error)")
        }
    }

    /// The typed error for a failed connect.
    private static func classify(_ error: any Error, path: String) -> ControlClientError {
        if let error = error as? IOError {
            return .connecting(to: path, errno: error.errnoCode)
        }
        if let error = error as? SocketAddressError, case .unixDomainSocketPathTooLong = error {
            return .pathTooLong(path: path)
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return .timedOut(path: path)
        }
        return .connectionFailed(path: path, reason: "\(error)")
    }
}
