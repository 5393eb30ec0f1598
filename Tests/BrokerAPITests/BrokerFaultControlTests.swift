import HTTPTestSupport
import BrevoStandIn
import BrokerAPI
import PresenceCore
import Testing

/// `PUT /_standin/broker-fault` on the Brevo stand-in's port switches the Broker stand-in.
@Suite struct BrokerFaultControlTests {
    private let path = "/_standin/broker-fault"

    @Test func controlSwitchesTheBotDownAndUp() async throws {
        let brevo = try await BrevoStandIn.start(apiKey: "xkeysib-control-test-0000")
        do {
            try await switchDownAndUp(through: brevo)
        } catch {
            try? await brevo.shutdown()
            throw error
        }
        try await brevo.shutdown()
    }

    private func switchDownAndUp(through brevo: BrevoStandIn) async throws {
        try await withBroker { broker, client in
            brevo.attachBroker(broker)
            let bot = helpbot(on: broker)

            let down = try RawHTTP.send(port: brevo.port, method: "PUT", path: path, body: "down")
            #expect(down.status == 204)
            #expect(broker.fault == .down)
            let refused = await client.probe(probeRequest(bot))
            #expect(refused.failure?.kind == "connect")

            let misconfigured = try RawHTTP.send(port: brevo.port, method: "PUT", path: path, body: "status=461\n")
            #expect(misconfigured.status == 204)
            #expect(await client.probe(probeRequest(bot)).status == 461)

            let up = try RawHTTP.send(port: brevo.port, method: "PUT", path: path, body: "none")
            #expect(up.status == 204)
            #expect(await client.probe(probeRequest(bot)).isHealthy)
            // The control is not Brevo traffic.
            #expect(brevo.requests.isEmpty)
        }
    }

    @Test func badSpecsAndMethodsAreRefused() async throws {
        let brevo = try await BrevoStandIn.start(apiKey: "xkeysib-control-test-0000")
        let withoutBroker = try RawHTTP.send(port: brevo.port, method: "PUT", path: path, body: "down")
        let broker = try await BrokerStandIn.start(apiKeys: [brokerKey])
        brevo.attachBroker(broker)
        let bogus = try RawHTTP.send(port: brevo.port, method: "PUT", path: path, body: "bogus")
        let get = try RawHTTP.send(port: brevo.port, method: "GET", path: path)
        let fault = broker.fault
        await broker.shutdown()
        try await brevo.shutdown()
        #expect(withoutBroker.status == 404)
        #expect(bogus.status == 400)
        #expect(bogus.body.contains("bogus"))
        #expect(get.status == 405)
        #expect(fault == BrokerFault.none)
    }
}
