import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PresenceCore

extension BrevoClient {
    /// An answer as read off the wire, before it is judged.
    struct RawAnswer: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    /// Sends one `agentOnlinePing` and reports what happened. Never throws.
    public func agentOnlinePing(_ request: PingRequest) async -> PingOutcome {
        let credentials = currentCredentials
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let answer = try await withPingDeadline(timeout) { [self] in
                try await exchange(request, credentials: credentials)
            }
            return outcome(of: answer, apiKey: credentials.apiKey, latency: clock.now - start)
        } catch {
            let (errorClass, message) = TransportErrorClassifier.classify(error)
            return .transportError(errorClass, message: message, latency: clock.now - start)
        }
    }

    /// Sends the request and reads at most ``maximumBodyBytes`` of the answer.
    private func exchange(_ request: PingRequest, credentials: BrevoCredentials) async throws -> RawAnswer {
        var http = HTTPClientRequest(url: credentials.pingURL)
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "application/json")
        http.headers.add(name: "Accept", value: "application/json")
        http.headers.add(name: "User-Agent", value: userAgent)
        http.headers.add(name: "api-key", value: credentials.apiKey)
        http.body = .bytes(ByteBuffer(bytes: PingRequestBody(request).encoded()))

        guard let lease = clients.acquire() else { throw HTTPClientError.alreadyShutdown }
        defer { clients.release(lease) }
        let response = try await lease.client.execute(http, timeout: .nanoseconds(max(timeout.nanoseconds, 1_000_000)))
        var body: [UInt8] = []
        for try await var chunk in response.body {
            let room = Self.maximumBodyBytes - body.count
            body += chunk.readBytes(length: min(room, chunk.readableBytes)) ?? []
            // Leaving the loop early drops the rest; the connection is closed, not reused.
            if chunk.readableBytes > 0 { break }
        }
        return RawAnswer(status: Int(response.status.code), headers: response.headers, body: body)
    }

    /// Judges an answer: any 2xx is success, anything else an HTTP error with Brevo's fields.
    private func outcome(of answer: RawAnswer, apiKey: String, latency: Duration) -> PingOutcome {
        let now = Int64(Date().timeIntervalSince1970)
        let rateLimit = RateLimitHeaders.parse(answer.headers, now: now)
        let requestID = answer.headers.first(name: "sib-request-id")
            .map { MessageText.sanitize($0, redacting: apiKey) }
            .flatMap { $0.isEmpty ? nil : $0 }
        guard (200...299).contains(answer.status) else {
            let error = BrevoErrorBody(bytes: answer.body, redacting: apiKey)
            return .httpError(
                status: answer.status, code: error.code, message: error.message,
                requestID: requestID, rateLimit: rateLimit, latency: latency
            )
        }
        return .success(status: answer.status, requestID: requestID, rateLimit: rateLimit, latency: latency)
    }
}
