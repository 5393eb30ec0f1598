import BrevoStandIn
import BrokerAPI
import PresenceCore
import Testing

/// Starts the Broker refuses: each status named by its meaning, with the Broker's message.
extension BrokerClientTests {
    @Test(arguments: [
        (400, "HTTP 400 (bad request): bad request"),
        (401, "HTTP 401 (unauthorized): invalid API key"),
        (404, "HTTP 404 (not found): not found"),
        (429, "HTTP 429 (too many requests): too many requests"),
        (500, "HTTP 500 (server error): internal server error"),
        (460, "HTTP 460 (external webhook error): error calling an external webhook"),
        (461, "HTTP 461 (misconfigured flow or bot): the flow or the bot is misconfigured"),
        (462, "HTTP 462 (NLP communication error): cannot reach the NLP service"),
        (463, "HTTP 463 (NLP authentication error): the NLP service refused the credentials"),
    ])
    func statusIsNamedByMeaning(status: Int, summary: String) async throws {
        try await withBroker(fault: .status(status)) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            guard case .http(let answered, let message) = outcome.failure else {
                Issue.record("expected an HTTP failure, got \(String(describing: outcome.failure))")
                return
            }
            #expect(answered == status)
            #expect(message?.isEmpty == false)
            #expect(outcome.failure?.summary == summary)
            #expect(outcome.status == status)
            #expect(outcome.sessionClosed == nil)
            #expect(outcome.retryAfter == nil)
            #expect(standIn.requests().map(\.kind) == [.start])
        }
    }

    @Test func tooManyRequestsCarriesRetryAfter() async throws {
        try await withBroker(fault: .status(429, retryAfter: 30)) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(outcome.status == 429)
            #expect(outcome.retryAfter == .seconds(30))
            #expect(outcome.failure?.asksForBackoff == true)
        }
    }

    @Test func unavailableCarriesRetryAfterButOtherErrorsDoNot() async throws {
        try await withBroker(fault: .status(503, retryAfter: 7)) { standIn, client in
            #expect(await client.probe(probeRequest(helpbot(on: standIn))).retryAfter == .seconds(7))
        }
        try await withBroker(fault: .status(500, retryAfter: 7)) { standIn, client in
            #expect(await client.probe(probeRequest(helpbot(on: standIn))).retryAfter == nil)
        }
    }

    @Test func wrongKeyGivesTheBrokersRefusal() async throws {
        try await withBroker(secrets: BrokerSecrets(apiKey: "some-other-key-000000")) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(outcome.failure == .http(status: 401, message: "invalid API key"))
            #expect(standIn.requests().first?.apiKeyValid == false)
        }
    }
}
