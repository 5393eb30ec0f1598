import BrevoStandIn
import BrokerAPI
import PresenceCore
import Testing

/// `BrokerClient` against a real Broker stand-in on 127.0.0.1: healthy probes, the requests
/// they send, and how answers are judged.
@Suite struct BrokerClientTests {
    @Test func healthyProbeSendsTheBrokerHeadersAndClosesItsSession() async throws {
        try await withBroker { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn), id: "probe-42"))
            #expect(outcome.isHealthy)
            #expect(outcome.failure == nil)
            #expect(outcome.status == 200)
            #expect(outcome.answerTexts == ["Hello! How can I help you?"])
            #expect(outcome.sessionClosed == true)
            #expect(outcome.closeError == nil)
            #expect(outcome.latency > .zero)
            #expect(standIn.openSessions == 0)

            let requests = standIn.requests()
            #expect(requests.map(\.kind) == [.start, .close])
            let start = try #require(requests.first)
            #expect(start.method == "POST")
            #expect(start.path.hasSuffix("/bot/47d20000-0000-4000-8000-000000000003/channel/9f310000-0000-4000-8000-000000000004/v1/conversations"))
            #expect(start.query == "test=true")
            #expect(start.apiKeyValid)
            #expect(start.os == "Linux")
            #expect(start.userRef == "agent-presenced")
            #expect(start.locale == "en-US")
            #expect(start.requestID == "probe-42")
            #expect(start.userAgent == testUserAgent)
            #expect(start.contentType == "application/json")
            #expect(start.text == "ping")
            #expect(start.status == 200)

            let close = try #require(requests.last)
            #expect(close.path.hasSuffix("/conversations/\(close.sessionCode ?? "?")/satisfactions"))
            #expect(close.sessionCode?.count == 36)
            #expect(close.expireSession == true)
            #expect(close.apiKeyValid)
            #expect(close.locale == "en-US")
            #expect(close.requestID == "probe-42")
            #expect(close.userAgent == testUserAgent)
            #expect(close.status == 200)
        }
    }

    @Test func probeTextIsSentAsEscapedJSON() async throws {
        try await withBroker { standIn, client in
            let text = "say \"hi\" \\ back\nnow / ünïcode"
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, text: text)))
            #expect(outcome.isHealthy)
            #expect(standIn.requests().first?.text == text)
        }
    }

    @Test func expectThatMatchesIsHealthy() async throws {
        try await withBroker { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, expect: "(?i)hello")))
            #expect(outcome.isHealthy)
        }
    }

    @Test func expectThatDoesNotMatchIsAnUnexpectedAnswerAndStillCloses() async throws {
        try await withBroker(fault: .answer("Sorry, I am under maintenance.")) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, expect: "(?i)hello")))
            #expect(outcome.failure == .unexpectedAnswer("Sorry, I am under maintenance."))
            #expect(outcome.failure?.summary == "unexpected answer: Sorry, I am under maintenance.")
            #expect(outcome.status == 200)
            #expect(outcome.answerTexts == ["Sorry, I am under maintenance."])
            #expect(outcome.sessionClosed == true)
            #expect(standIn.openSessions == 0)
        }
    }

    @Test func emptyAnswersAreNoAnswersAndStillClose() async throws {
        try await withBroker(fault: .emptyAnswers) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(outcome.failure == .noAnswers)
            #expect(outcome.failure?.summary == "the bot answered nothing")
            #expect(outcome.sessionClosed == true)
            #expect(standIn.openSessions == 0)
        }
    }

    @Test func unclosableSessionLeavesTheProbeHealthy() async throws {
        try await withBroker(fault: .unclosable) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(outcome.isHealthy)
            #expect(outcome.sessionClosed == false)
            #expect(outcome.closeError == "HTTP 500 (server error): internal server error")
            #expect(standIn.openSessions == 1)
        }
    }

    @Test func severalProbesShareOneConnection() async throws {
        try await withBroker { standIn, client in
            for index in 0..<5 {
                #expect(await client.probe(probeRequest(helpbot(on: standIn), id: "p\(index)")).isHealthy)
            }
            let requests = standIn.requests()
            #expect(requests.count == 10)
            #expect(Set(requests.map(\.connection)).count == 1)
            #expect(requests.compactMap(\.requestID) == ["p0", "p0", "p1", "p1", "p2", "p2", "p3", "p3", "p4", "p4"])
        }
    }

    @Test func concurrentProbesAllCloseTheirSessions() async throws {
        try await withBroker { standIn, client in
            let outcomes = await withTaskGroup(of: ProbeOutcome.self) { group in
                for index in 0..<8 {
                    group.addTask { await client.probe(probeRequest(helpbot(on: standIn), id: "c\(index)")) }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.count == 8)
            #expect(outcomes.allSatisfy { $0.isHealthy && $0.sessionClosed == true })
            #expect(standIn.openSessions == 0)
            #expect(Set(standIn.requests().compactMap(\.sessionCode)).count == 8)
        }
    }

    @Test func transportReportsThroughCompletion() async throws {
        try await withBroker { standIn, client in
            let transport = BrokerProbeTransport(client: client)
            let outcome = await withCheckedContinuation { continuation in
                transport.probe(probeRequest(helpbot(on: standIn))) { continuation.resume(returning: $0) }
            }
            #expect(outcome.isHealthy)
            #expect(standIn.requests().count == 2)
        }
    }

    @Test func defaultUserAgentIsTheProducts() async throws {
        let standIn = try await BrokerStandIn.start(apiKeys: [brokerKey])
        let client = BrokerClient()
        client.updateSecrets(["helpbot": BrokerSecrets(apiKey: brokerKey)])
        let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
        let agents = standIn.requests().map(\.userAgent)
        await client.shutdown()
        await standIn.shutdown()
        #expect(outcome.isHealthy)
        #expect(agents == [ProductVersion.userAgent(), ProductVersion.userAgent()])
    }
}
