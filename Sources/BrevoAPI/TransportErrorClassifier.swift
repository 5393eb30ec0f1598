import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL
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
    /// The class and a short message for `error` of a request sent through `proxy` (or
    /// directly): a connection failure then names the proxy, and the proxy's refusals are
    /// told apart from the API's.
    package static func classify(_ error: any Error, proxy: ForwardProxy?) -> (PingErrorClass, String) {
        guard let proxy else { return classify(error) }
        switch error {
        case let error as HTTPClientError where error == .proxyAuthenticationRequired:
            let hint = proxy.credentials == nil
                ? "set its user:password in proxy.credentials_file (or the credential proxy-credentials)"
                : "check the user:password given for it"
            return (.connect, "\(proxy) refused the tunnel: 407 Proxy Authentication Required; \(hint)")
        case let error as HTTPClientError where error == .invalidProxyResponse:
            return (.connect, "\(proxy) refused the tunnel (its answer to CONNECT was not 200, such as 403 Forbidden)")
        case let error as HTTPClientError where error == .httpProxyHandshakeTimeout:
            return (.timeout, "\(proxy) did not answer CONNECT in time")
        default:
            let (errorClass, message) = classify(error)
            if errorClass == .connect, !message.hasPrefix("TLS failure") {
                // Before the tunnel is up, "the API host" the connection failed to reach is the proxy.
                let named = message.replacingOccurrences(of: "the API host", with: "\(proxy)")
                return (.connect, named == message ? "\(message) (\(proxy))" : named)
            }
            guard errorClass == .connect || errorClass == .timeout || errorClass == .connectionClosed else {
                return (errorClass, message)
            }
            return (errorClass, "\(message), through \(proxy)")
        }
    }

    /// The class and a short message for `error` of a request sent directly.
    package static func classify(_ error: any Error) -> (PingErrorClass, String) {
        switch error {
        case let routed as RoutedError:
            return classify(routed.error, proxy: routed.proxy)
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
        case let error as NIOSSLError:
            return (.connect, "TLS failure: " + tlsReason(String(describing: error)))
        case let error as NIOSSLExtraError:
            return (.connect, "TLS failure: " + tlsReason(String(describing: error)))
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
            return (.connect, "TLS failure: " + tlsReason(String(describing: error)))
        }
        return (.protocolError, "unexpected error (\(name))")
    }
}

extension TransportErrorClassifier {
    /// What a TLS error's text says, in an operator's words. TLS errors carry OpenSSL's
    /// reason codes and never a header, so reading their text is safe.
    static func tlsReason(_ text: String) -> String {
        let upper = text.uppercased()
        if upper.contains("FAILEDTOVALIDATEHOSTNAME") || upper.contains("HOSTNAME") {
            return "the server's certificate does not name the host of the URL"
        }
        if upper.contains("CERTIFICATE_VERIFY_FAILED") || upper.contains("UNKNOWN_CA") {
            return "the server's certificate does not verify (its CA is not in the system trust store "
                + "nor in ca_file, or it has expired)"
        }
        if upper.contains("WRONG_VERSION_NUMBER") || upper.contains("HTTP_REQUEST") || upper.contains("PACKET_LENGTH") {
            return "the server does not speak TLS on that port (an http:// server?)"
        }
        if upper.contains("HANDSHAKE") || upper.contains("ALERT") {
            return "the TLS handshake failed"
        }
        return "the TLS connection failed"
    }
}

/// A transport error of a request sent through `proxy` (or directly), so that its message can
/// name the proxy.
package struct RoutedError: Error {
    /// The error itself.
    package let error: any Error
    /// The proxy the request went through.
    package let proxy: ForwardProxy?

    /// Creates the error.
    package init(_ error: any Error, proxy: ForwardProxy?) {
        self.error = error
        self.proxy = proxy
    }
}

/// The client's own per-request deadline passed before the answer was complete.
package struct PingDeadlineExceeded: Error {
    /// Creates the error.
    package init() {}
}
