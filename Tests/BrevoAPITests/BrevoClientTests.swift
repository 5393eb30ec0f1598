import BrevoAPI
import BrevoStandIn
import PresenceCore
import Testing

/// `BrevoClient` against a real stand-in on 127.0.0.1: bodies, headers and success answers.
@Suite struct BrevoClientTests {
    @Test func idFormSendsAgentIdAndKey() async throws {
        try await withStandIn { standIn, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.isSuccess)
            #expect(outcome.status == 201)
            #expect(outcome.errorClass == nil)
            #expect(outcome.requestID?.isEmpty == false)
            #expect(outcome.latency > .zero)
            let recorded = try #require(standIn.requests.first)
            #expect(standIn.requests.count == 1)
            #expect(recorded.method == "POST")
            #expect(recorded.path == "/v3/conversations/agentOnlinePing")
            #expect(recorded.agentId == "d9nKoegKSjmCtyK78")
            #expect(recorded.agentEmail == nil)
            #expect(recorded.receivedFrom == nil)
            #expect(recorded.apiKeyValid)
            #expect(recorded.contentType == "application/json")
            #expect(recorded.status == 201)
        }
    }

    @Test func idFormCarriesReceivedFromWhenSet() async throws {
        try await withStandIn { standIn, client in
            let outcome = await client.agentOnlinePing(PingRequest(identity: .id("ag1"), receivedFrom: "helpdesk"))
            #expect(outcome.isSuccess)
            #expect(standIn.requests.first?.agentId == "ag1")
            #expect(standIn.requests.first?.receivedFrom == "helpdesk")
        }
    }

    @Test func emailFormSendsAllThreeFields() async throws {
        try await withStandIn { standIn, client in
            let request = PingRequest(identity: .email("liz@example.com", name: "Liz"), receivedFrom: "desk")
            let outcome = await client.agentOnlinePing(request)
            #expect(outcome.isSuccess)
            let recorded = try #require(standIn.requests.first)
            #expect(recorded.agentId == nil)
            #expect(recorded.agentEmail == "liz@example.com")
            #expect(recorded.agentName == "Liz")
            #expect(recorded.receivedFrom == "desk")
        }
    }

    @Test func emailFormWithoutTagSendsDefaultReceivedFrom() async throws {
        try await withStandIn { standIn, client in
            let outcome = await client.agentOnlinePing(PingRequest(identity: .email("liz@example.com", name: "Liz")))
            #expect(outcome.isSuccess)
            #expect(standIn.requests.first?.receivedFrom == "agent-presenced")
        }
    }

    @Test(arguments: [200, 201, 204])
    func any2xxIsSuccess(status: Int) async throws {
        try await withStandIn(faults: FaultPlan(successStatus: status)) { _, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.isSuccess)
            #expect(outcome.status == status)
        }
    }

    @Test func connectionIsReusedAcrossPings() async throws {
        try await withStandIn { standIn, client in
            for _ in 0..<5 {
                #expect(await client.agentOnlinePing(alice).isSuccess)
            }
            #expect(standIn.requests.count == 5)
            #expect(Set(standIn.requests.map(\.connection)).count == 1)
        }
    }

    @Test func concurrentPingsAllArrive() async throws {
        try await withStandIn { standIn, client in
            let outcomes = await withTaskGroup(of: PingOutcome.self) { group in
                for index in 0..<20 {
                    group.addTask { await client.agentOnlinePing(PingRequest(identity: .id("ag\(index)"))) }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.allSatisfy { $0.isSuccess })
            #expect(Set(standIn.requests.compactMap(\.agentId)).count == 20)
        }
    }

    @Test func updateCredentialsTakesEffectOnNextPing() async throws {
        try await withStandIn(apiKey: "xkeysib-wrong-key-000000") { standIn, client in
            let refused = await client.agentOnlinePing(alice)
            #expect(refused.status == 401)
            #expect(standIn.requests.last?.apiKeyValid == false)

            client.updateCredentials(baseURL: standIn.baseURL, apiKey: testKey)
            let accepted = await client.agentOnlinePing(alice)
            #expect(accepted.isSuccess)
            #expect(standIn.requests.last?.apiKeyValid == true)

            let other = try await BrevoStandIn.start(apiKey: "xkeysib-other-account-1111")
            client.updateCredentials(baseURL: other.baseURL + "/", apiKey: "xkeysib-other-account-1111")
            let moved = await client.agentOnlinePing(alice)
            let otherRequests = other.requests
            try await other.shutdown()
            #expect(moved.isSuccess)
            #expect(otherRequests.count == 1)
            #expect(standIn.requests.count == 2)
        }
    }

    @Test func pingAfterShutdownIsCancelled() async throws {
        let standIn = try await BrevoStandIn.start(apiKey: testKey)
        let client = BrevoClient(baseURL: standIn.baseURL, apiKey: testKey, timeout: .seconds(5))
        await client.shutdown()
        await client.shutdown()
        let outcome = await client.agentOnlinePing(alice)
        try await standIn.shutdown()
        #expect(outcome.errorClass == .cancelled)
        #expect(standIn.requests.isEmpty)
    }
}
