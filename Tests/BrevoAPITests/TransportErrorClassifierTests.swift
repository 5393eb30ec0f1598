import AsyncHTTPClient
@testable import BrevoAPI
import NIOCore
import NIOHTTP1
import PresenceCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Transport errors to `PingErrorClass`, with messages that never quote the error itself.
@Suite struct TransportErrorClassifierTests {
    private func errorClass(_ error: any Error) -> PingErrorClass {
        TransportErrorClassifier.classify(error).0
    }

    @Test func timeouts() {
        #expect(errorClass(HTTPClientError.readTimeout) == .timeout)
        #expect(errorClass(HTTPClientError.deadlineExceeded) == .timeout)
        #expect(errorClass(HTTPClientError.connectTimeout) == .timeout)
        #expect(errorClass(ChannelError.connectTimeout(.seconds(1))) == .timeout)
        #expect(errorClass(PingDeadlineExceeded()) == .timeout)
    }

    @Test func connectFailures() {
        #expect(errorClass(IOError(errnoCode: ECONNREFUSED, reason: "connect")) == .connect)
        #expect(errorClass(IOError(errnoCode: EHOSTUNREACH, reason: "connect")) == .connect)
    }

    @Test func closedConnections() {
        #expect(errorClass(HTTPClientError.remoteConnectionClosed) == .connectionClosed)
        #expect(errorClass(IOError(errnoCode: ECONNRESET, reason: "read")) == .connectionClosed)
        #expect(errorClass(ChannelError.eof) == .connectionClosed)
    }

    @Test func protocolErrors() {
        #expect(errorClass(HTTPParserError.invalidStatus) == .protocolError)
        #expect(errorClass(NIOTooManyBytesError(maxBytes: 10)) == .protocolError)
    }

    @Test func cancellation() {
        #expect(errorClass(CancellationError()) == .cancelled)
        #expect(errorClass(HTTPClientError.alreadyShutdown) == .cancelled)
        #expect(errorClass(HTTPClientError.invalidURL) == .cancelled)
    }

    @Test func headerErrorsDoNotQuoteTheirValues() {
        let (errorClass, message) = TransportErrorClassifier.classify(HTTPClientError.invalidHeaderFieldValues(["xkeysib-secret\n"]))
        #expect(errorClass == .cancelled)
        #expect(!message.contains("xkeysib"))
    }
}
