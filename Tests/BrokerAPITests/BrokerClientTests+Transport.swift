import BrevoStandIn
import BrokerAPI
import PresenceCore
import Testing

/// Probes that get no answer, and probes that are never sent.
extension BrokerClientTests {
    @Test func downBotIsAConnectFailureAndComesBackOnTheSamePort() async throws {
        try await withBroker(fault: .down) { standIn, client in
            let port = standIn.port
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            guard case .transport(.connect, let message) = outcome.failure else {
                Issue.record("expected a connect failure, got \(String(describing: outcome.failure))")
                return
            }
            #expect(!message.isEmpty)
            #expect(outcome.status == nil)
            #expect(outcome.sessionClosed == nil)

            try await standIn.setFault(.none)
            #expect(standIn.port == port)
            #expect(await client.probe(probeRequest(helpbot(on: standIn))).isHealthy)
        }
    }

    @Test func slowBotTimesOutWithinTheDeadline() async throws {
        try await withBroker(fault: .slow(.seconds(5))) { standIn, client in
            let began = ContinuousClock.now
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, timeout: .milliseconds(300))))
            let took = ContinuousClock.now - began
            #expect(outcome.failure?.kind == "timeout")
            #expect(took < .seconds(3))
            #expect(outcome.latency >= .milliseconds(250))
        }
    }

    @Test func oneDeadlineCoversTheStartAndTheClose() async throws {
        // Each answer takes 400 ms: the start fits in 700 ms, the close does not.
        try await withBroker(fault: .slow(.milliseconds(400))) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, timeout: .milliseconds(700))))
            #expect(outcome.isHealthy)
            #expect(outcome.sessionClosed == false)
            #expect(outcome.closeError?.hasPrefix("timeout: ") == true)
        }
    }

    @Test func botWithoutSecretsIsNotProbed() async throws {
        try await withBroker { standIn, client in
            client.updateSecrets([:])
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(outcome.failure == .transport(.cancelled, message: "no Broker key for bot \"helpbot\""))
            #expect(standIn.requests().isEmpty)
        }
    }

    @Test func botWithAuthButNoClientSecretIsNotProbed() async throws {
        try await withBroker(withAuth: true, secrets: BrokerSecrets(apiKey: brokerKey)) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, withAuth: true)))
            #expect(outcome.failure == .transport(.cancelled, message: "no OAuth2 client secret for bot \"helpbot\""))
            #expect(standIn.requests().isEmpty)
        }
    }

    @Test func probeAfterShutdownIsCancelled() async throws {
        try await withBroker { standIn, client in
            await client.shutdown()
            await client.shutdown()
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(outcome.failure == .transport(.cancelled, message: "the Broker client is shut down"))
            #expect(standIn.requests().isEmpty)
        }
    }

    @Test func invalidBaseURLIsNotSent() async throws {
        try await withBroker { standIn, client in
            var bot = helpbot(on: standIn)
            bot.baseURL = "not a url"
            let outcome = await client.probe(probeRequest(bot))
            #expect(outcome.failure?.kind == "cancelled")
            #expect(standIn.requests().isEmpty)
        }
    }

    @Test func headerValueWithALineBreakIsNotSent() async throws {
        try await withBroker { standIn, client in
            var bot = helpbot(on: standIn)
            bot.locale = "en-US\r\nX-Injected: yes"
            let outcome = await client.probe(probeRequest(bot))
            #expect(outcome.failure == .transport(.cancelled, message: "the LOCALE header of bot \"helpbot\" holds a line break"))
            let badID = await client.probe(ProbeRequest(bot: helpbot(on: standIn), requestID: "id\u{0}"))
            #expect(badID.failure == .transport(.cancelled, message: "the x-request-id header of bot \"helpbot\" holds a control character"))
            #expect(standIn.requests().isEmpty)
        }
    }
}
