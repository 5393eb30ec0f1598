import BrevoStandIn
import BrokerAPI
import PresenceCore
import Testing

/// A 200 that is not the Broker's answer: HTML, a body too large, JSON of the wrong shape.
extension BrokerClientTests {
    @Test func htmlInsteadOfJSONIsABadAnswer() async throws {
        try await withBroker(fault: .notJSON) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(outcome.failure == .badAnswer("not JSON"))
            #expect(outcome.status == 200)
            #expect(outcome.sessionClosed == nil)
            #expect(standIn.requests().map(\.kind) == [.start])
        }
    }

    @Test func hugeAnswerIsCutAndABadAnswer() async throws {
        try await withBroker(fault: .huge) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(outcome.failure == .badAnswer("the answer is over 64 KiB"))
            #expect(outcome.status == 200)
            #expect(outcome.answerTexts.isEmpty)
            // The cut connection is not reused: the next probe still works.
            try await standIn.setFault(.none)
            #expect(await client.probe(probeRequest(helpbot(on: standIn))).isHealthy)
        }
    }

    @Test func answerWithoutSessionCodeIsABadAnswer() async throws {
        try await withBroker(fault: .wrongShape) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(outcome.failure == .badAnswer("no sessionCode"))
            #expect(outcome.failure?.summary == "bad answer: no sessionCode")
            #expect(outcome.sessionClosed == nil)
        }
    }
}
