import BrevoAPI
import BrevoStandIn
import PresenceCore
import Testing

/// One account rate-limited or refused at the stand-in: only its own pings see it.
extension BrevoClientAccountsTests {
    /// Runs `body` with one stand-in serving accounts `a` (key A) and `b` (key B) under
    /// `faults`, and one client for both.
    private func withTwoAccounts(faults: FaultPlan, _ body: (BrevoClient) async throws -> Void) async throws {
        try await withBareStandIn(apiKeys: [keyA, keyB], faults: faults) { standIn in
            let client = BrevoClient(accounts: [
                BrevoAccountCredentials(name: "a", baseURL: standIn.baseURL, apiKey: keyA),
                BrevoAccountCredentials(name: "b", baseURL: standIn.baseURL, apiKey: keyB),
            ], timeout: .seconds(5))
            let result: Result<Void, any Error>
            do { result = .success(try await body(client)) } catch { result = .failure(error) }
            await client.shutdown()
            try result.get()
        }
    }

    @Test func rateLimitOfOneKeyHitsOnlyItsAccount() async throws {
        let plan = FaultPlan(retryAfter: .init(form: .seconds), keyFaults: [keyA: .rateLimited(for: .seconds(60))])
        try await withTwoAccounts(faults: plan) { client in
            let limited = await client.agentOnlinePing(Self.ping("a"))
            #expect(limited.status == 429)
            #expect(FailureDisposition(limited) == .rateLimited)
            #expect(limited.rateLimit.remaining == 0)
            let reset = try #require(limited.rateLimit.reset)
            #expect(reset > .zero && reset <= .seconds(60))
            #expect(limited.rateLimit.retryAfter == reset)
            let served = await client.agentOnlinePing(Self.ping("b"))
            #expect(served.isSuccess)
            #expect(served.rateLimit == RateLimitInfo())
        }
    }

    @Test func budgetOfOneKeyHitsOnlyItsAccount() async throws {
        let plan = FaultPlan(keyFaults: [keyB: .budget(.init(limit: 1, window: .seconds(3600)), headers: false)])
        try await withTwoAccounts(faults: plan) { client in
            #expect(await client.agentOnlinePing(Self.ping("b")).isSuccess)
            let limited = await client.agentOnlinePing(Self.ping("b"))
            #expect(limited.status == 429)
            #expect(limited.rateLimit == RateLimitInfo())
            #expect(await client.agentOnlinePing(Self.ping("a")).isSuccess)
        }
    }

    @Test func refusedKeyHitsOnlyItsAccount() async throws {
        try await withTwoAccounts(faults: FaultPlan(keyFaults: [keyB: .refused()])) { client in
            let refused = await client.agentOnlinePing(Self.ping("b"))
            #expect(refused.status == 401)
            #expect(FailureDisposition(refused) == .accountRefused)
            #expect(!leaksKey(refused, keyB))
            #expect(await client.agentOnlinePing(Self.ping("a")).isSuccess)
        }
    }
}
