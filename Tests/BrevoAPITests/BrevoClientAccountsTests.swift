import BrevoAPI
import BrevoStandIn
import Foundation
import PresenceCore
import Testing

/// Many accounts through one `BrevoClient`: each ping with its own account's base URL and key.
@Suite struct BrevoClientAccountsTests {
    /// A ping of a distinct agent for `account`.
    static func ping(_ account: String, agent: String = "ag") -> PingRequest {
        PingRequest(identity: .id("\(account)-\(agent)"), account: account)
    }

    @Test func eachAccountsPingCarriesItsOwnKeyAndBaseURL() async throws {
        try await withBareStandIn(apiKeys: [keyA]) { first in
            try await withBareStandIn(apiKeys: [keyB]) { second in
                let client = BrevoClient(accounts: [
                    BrevoAccountCredentials(name: "support-eu", baseURL: first.baseURL, apiKey: keyA),
                    BrevoAccountCredentials(name: "support-us", baseURL: second.baseURL, apiKey: keyB),
                ], timeout: .seconds(5))
                let outcomes = [
                    await client.agentOnlinePing(Self.ping("support-eu", agent: "1")),
                    await client.agentOnlinePing(Self.ping("support-us", agent: "2")),
                    await client.agentOnlinePing(Self.ping("support-eu", agent: "3")),
                ]
                await client.shutdown()
                #expect(outcomes.allSatisfy { $0.isSuccess })
                #expect(first.requests.map(\.apiKey) == [keyA, keyA])
                #expect(first.requests.map(\.agentId) == ["support-eu-1", "support-eu-3"])
                #expect(second.requests.map(\.apiKey) == [keyB])
                #expect(second.requests.map(\.agentId) == ["support-us-2"])
            }
        }
    }

    @Test func updateCredentialsReplacesTheWholeSet() async throws {
        try await withBareStandIn(apiKeys: [keyA, keyB]) { standIn in
            let client = BrevoClient(accounts: [
                BrevoAccountCredentials(name: "a", baseURL: standIn.baseURL, apiKey: keyA),
                BrevoAccountCredentials(name: "b", baseURL: standIn.baseURL, apiKey: keyB),
            ], timeout: .seconds(5))
            #expect(await client.agentOnlinePing(Self.ping("a")).isSuccess)
            #expect(await client.agentOnlinePing(Self.ping("b")).isSuccess)

            client.updateCredentials([BrevoAccountCredentials(name: "a", baseURL: standIn.baseURL, apiKey: keyB)])
            let changed = await client.agentOnlinePing(Self.ping("a"))
            let removed = await client.agentOnlinePing(Self.ping("b"))
            await client.shutdown()
            #expect(changed.isSuccess)
            #expect(standIn.requests.map(\.apiKey) == [keyA, keyB, keyB])
            #expect(standIn.requests.last?.agentId == "a-ag")
            #expect(removed.errorClass == .cancelled)
            #expect(removed.status == nil)
            #expect(removed.message == #"no credentials for account "b""#)
            #expect(!leaksKey(removed, keyA) && !leaksKey(removed, keyB))
        }
    }

    @Test func unknownAccountFailsTypedWithoutSending() async throws {
        try await withStandIn { standIn, client in
            let outcome = await client.agentOnlinePing(Self.ping("nobody"))
            #expect(outcome.errorClass == .cancelled)
            #expect(outcome.message == #"no credentials for account "nobody""#)
            #expect(FailureDisposition(outcome) != .accountRefused)
            #expect(!leaksKey(outcome, testKey))
            #expect(standIn.requests.isEmpty)
            // The default account, which the one-account form pings, still works.
            #expect(await client.agentOnlinePing(alice).isSuccess)
        }
    }

    @Test func defaultConvenienceUpdatesOnlyTheDefaultAccount() async throws {
        try await withBareStandIn(apiKeys: [keyA, keyB]) { standIn in
            let client = BrevoClient(accounts: [
                BrevoAccountCredentials(baseURL: standIn.baseURL, apiKey: keyA),
                BrevoAccountCredentials(name: "other", baseURL: standIn.baseURL, apiKey: keyA),
            ], timeout: .seconds(5))
            client.updateCredentials(baseURL: standIn.baseURL + "/", apiKey: keyB)
            #expect(await client.agentOnlinePing(alice).isSuccess)
            #expect(await client.agentOnlinePing(Self.ping("other")).isSuccess)
            await client.shutdown()
            #expect(standIn.requests.map(\.apiKey) == [keyB, keyA])
        }
    }

    @Test func echoedKeyIsRedactedWithTheRequestsOwnAccountKey() async throws {
        let plan = FaultPlan(failureRate: 1, failureStatus: 500, errorBody: .echoedKey)
        try await withBareStandIn(apiKeys: [keyA, keyB], faults: plan) { standIn in
            let client = BrevoClient(accounts: [
                BrevoAccountCredentials(name: "a", baseURL: standIn.baseURL, apiKey: keyA),
                BrevoAccountCredentials(name: "b", baseURL: standIn.baseURL, apiKey: keyB),
            ], timeout: .seconds(5))
            let outcomes = [await client.agentOnlinePing(Self.ping("a")), await client.agentOnlinePing(Self.ping("b"))]
            await client.shutdown()
            #expect(outcomes.map(\.status) == [500, 500])
            #expect(outcomes.map(\.message) == ["Key not accepted: [redacted]", "Key not accepted: [redacted]"])
            #expect(!outcomes.contains { leaksKey($0, keyA) || leaksKey($0, keyB) })
        }
    }

    @Test func credentialsDescriptionsLeaveTheKeyOut() {
        let credentials = BrevoAccountCredentials(name: "a", baseURL: "https://api.brevo.com/v3", apiKey: keyA)
        var dumped = ""
        dump(credentials, to: &dumped)
        let texts = [String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped, "\([credentials])"]
        #expect(texts.allSatisfy { $0.contains("https://api.brevo.com/v3") && !$0.contains(keyA) })
    }
}
