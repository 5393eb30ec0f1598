import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import PresenceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps a transport error (AsyncHTTPClient, NIO, cancellation) to a ``PingErrorClass``.
///
/// Messages are fixed texts chosen here, never an error's own description: some of those
/// (invalid header values, for one) would quote the `api-key` header.
package enum TransportErrorClassifier {
    /// The class and a short message for `error`.
    package static func classify(_ error: any Error) -> (PingErrorClass, String) {
        switch error {
        case is PingDeadlineExceeded:
            return (.timeout, "no complete answer within the timeout")
        case let error as UnknownAccount:
            return (.cancelled, error.message)
        case is CancellationError:
            return (.cancelled, "request cancelled")
        case let error as HTTPClientError:
            return classify(error)
        case let error as IOError:
            return classify(errno: error.errnoCode)
        case let error as ChannelError:
            return classify(error)
        case is NIOTooManyBytesError:
            return (.protocolError, "answer too large")
        case is HTTPParserError:
            return (.protocolError, "malformed HTTP answer")
        case is SocketAddressError:
            return (.connect, "cannot resolve the API host")
        default:
            return classifyByTypeName(error)
        }
    }

    private static func classify(_ error: HTTPClientError) -> (PingErrorClass, String) {
        switch error {
        case .readTimeout: (.timeout, "read timed out")
        case .writeTimeout: (.timeout, "write timed out")
        case .deadlineExceeded: (.timeout, "no answer within the timeout")
        case .connectTimeout, .getConnectionFromPoolTimeout: (.timeout, "connect timed out")
        case .tlsHandshakeTimeout: (.timeout, "TLS handshake timed out")
        case .remoteConnectionClosed: (.connectionClosed, "the server closed the connection")
        case .uncleanShutdown: (.connectionClosed, "the connection was cut")
        case .cancelled, .requestStreamCancelled: (.cancelled, "request cancelled")
        case .alreadyShutdown: (.cancelled, "HTTP client already shut down")
        case .invalidURL, .emptyHost, .emptyScheme: (.cancelled, "invalid API base URL")
        case .bodyLengthMismatch, .contentLengthMissing:
            (.protocolError, "malformed HTTP answer")
        case .redirectLimitReached, .redirectCycleDetected: (.protocolError, "redirect loop")
        default:
            // Matched on the case name only: the description quotes the header values.
            String(describing: error).contains("invalidHeaderField")
                ? (.cancelled, "invalid request header (check the API key)")
                : (.protocolError, "HTTP client error")
        }
    }

    private static func classify(_ error: ChannelError) -> (PingErrorClass, String) {
        switch error {
        case .connectTimeout: (.timeout, "connect timed out")
        case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
            (.connectionClosed, "the connection was closed")
        case .writeHostUnreachable: (.connect, "host unreachable")
        default: (.protocolError, "channel error")
        }
    }

    private static func classify(errno code: Int32) -> (PingErrorClass, String) {
        switch code {
        case ECONNREFUSED: (.connect, "connection refused")
        case ENETUNREACH, EHOSTUNREACH, ENETDOWN, EHOSTDOWN, EADDRNOTAVAIL: (.connect, "host unreachable")
        case ECONNRESET, EPIPE, ECONNABORTED: (.connectionClosed, "connection reset by peer")
        case ETIMEDOUT: (.timeout, "connection timed out")
        default: (.connect, "socket error \(code)")
        }
    }

    /// Errors of modules BrevoAPI does not import (NIOPosix's happy-eyeballs error, NIOSSL).
    private static func classifyByTypeName(_ error: any Error) -> (PingErrorClass, String) {
        let name = String(reflecting: type(of: error))
        if name.hasSuffix("NIOConnectionError") {
            // No connection attempt at all means name resolution found no address.
            let attempts = Mirror(reflecting: error).children.first { $0.label == "connectionErrors" }?.value
            if let attempts = attempts as? any Collection, attempts.isEmpty {
                return (.connect, "cannot resolve the API host")
            }
            return (.connect, "cannot connect to the API host")
        }
        if name.contains("SSL") || name.contains("TLS") {
            return (.connect, "TLS failure")
        }
        return (.protocolError, "unexpected error (\(name))")
    }
}

/// The client's own per-request deadline passed before the answer was complete.
package struct PingDeadlineExceeded: Error {
    /// Creates the error.
    package init() {}
}
