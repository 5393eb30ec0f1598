import HTTPTestSupport
import BrevoStandIn
import Testing

/// The stand-in with several accounts' keys: each accepted and recorded, others refused.
@Suite struct StandInKeyTests {
    /// Sends one good ping body with `key` (no `api-key` header when `nil`).
    static func ping(_ standIn: BrevoStandIn, key: String?) throws -> RawHTTP.Answer {
        var headers = ["Content-Type": "application/json"]
        headers["api-key"] = key
        return try RawHTTP.send(port: standIn.port, headers: headers, body: #"{"agentId":"a"}"#)
    }

    @Test func acceptsEveryGivenKeyAndRecordsWhichOne() async throws {
        try await withBareStandIn(apiKeys: [keyA, keyB]) { standIn in
            let statuses = try [keyA, keyB, "xkeysib-unknown-key-000000", nil].map { try Self.ping(standIn, key: $0).status }
            #expect(statuses == [201, 201, 401, 401])
            #expect(standIn.requests.map(\.apiKeyValid) == [true, true, false, false])
            #expect(standIn.requests.map(\.apiKey) == [keyA, keyB, nil, nil])
            #expect(!String(describing: standIn.requests).contains("xkeysib-unknown"))
        }
    }
}

/// Faults of one key: the other keys are served as if nothing happened.
extension StandInKeyTests {
    private static let rateHeaderNames = ["x-sib-ratelimit-limit", "x-sib-ratelimit-remaining", "x-sib-ratelimit-reset"]

    @Test func rateLimitedKeyGets429ForItsSpellOnly() async throws {
        let plan = FaultPlan(retryAfter: .init(form: .seconds), keyFaults: [keyA: .rateLimited(for: .seconds(1), limit: 50)])
        try await withBareStandIn(apiKeys: [keyA, keyB], faults: plan) { standIn in
            let limited = try Self.ping(standIn, key: keyA)
            #expect(limited.status == 429)
            #expect(limited.body.contains(#""code":"too_many_requests""#))
            #expect(limited.headers["x-sib-ratelimit-limit"] == "50")
            #expect(limited.headers["x-sib-ratelimit-remaining"] == "0")
            #expect(limited.headers["x-sib-ratelimit-reset"] == "1")
            #expect(limited.headers["retry-after"] == "1")
            let other = try Self.ping(standIn, key: keyB)
            #expect(other.status == 201)
            #expect(Self.rateHeaderNames.allSatisfy { other.headers[$0] == nil })
            try await Task.sleep(for: .milliseconds(1100))
            #expect(try Self.ping(standIn, key: keyA).status == 201)
        }
    }

    @Test func rateLimitedKeyWithoutHeaders() async throws {
        let plan = FaultPlan(keyFaults: [keyA: .rateLimited(for: .seconds(60), headers: false)])
        try await withBareStandIn(apiKeys: [keyA, keyB], faults: plan) { standIn in
            let limited = try Self.ping(standIn, key: keyA)
            #expect(limited.status == 429)
            #expect(Self.rateHeaderNames.allSatisfy { limited.headers[$0] == nil })
            #expect(limited.headers["retry-after"] == nil)
            #expect(try Self.ping(standIn, key: keyB).status == 201)
        }
    }

    @Test func budgetKeySpendsItsOwnWindowNotThePlans() async throws {
        let plan = FaultPlan(
            rateLimit: .init(limit: 100, window: .seconds(3600)),
            keyFaults: [keyA: .budget(.init(limit: 2, window: .seconds(3600)))]
        )
        try await withBareStandIn(apiKeys: [keyA, keyB], faults: plan) { standIn in
            let answers = try (0..<3).map { _ in try Self.ping(standIn, key: keyA) }
            #expect(answers.map(\.status) == [201, 201, 429])
            #expect(answers.map { $0.headers["x-sib-ratelimit-remaining"] } == ["1", "0", "0"])
            #expect(answers.allSatisfy { $0.headers["x-sib-ratelimit-limit"] == "2" })
            let other = try Self.ping(standIn, key: keyB)
            #expect(other.status == 201)
            #expect(other.headers["x-sib-ratelimit-limit"] == "100")
            #expect(other.headers["x-sib-ratelimit-remaining"] == "99")
        }
    }

    @Test func budgetKeyWithoutHeaders() async throws {
        let plan = FaultPlan(keyFaults: [keyA: .budget(.init(limit: 1, window: .seconds(3600)), headers: false)])
        try await withBareStandIn(apiKeys: [keyA, keyB], faults: plan) { standIn in
            let answers = try (0..<2).map { _ in try Self.ping(standIn, key: keyA) }
            #expect(answers.map(\.status) == [201, 429])
            #expect(answers.allSatisfy { answer in Self.rateHeaderNames.allSatisfy { answer.headers[$0] == nil } })
        }
    }

    @Test(arguments: [401, 403])
    func refusedKeyOnly(status: Int) async throws {
        let plan = FaultPlan(keyFaults: [keyB: .refused(status: status)])
        try await withBareStandIn(apiKeys: [keyA, keyB], faults: plan) { standIn in
            let refused = try Self.ping(standIn, key: keyB)
            #expect(refused.status == status)
            #expect(try Self.ping(standIn, key: keyA).status == 201)
            #expect(standIn.requests.map(\.apiKey) == [keyB, keyA])
        }
    }

    @Test func newPlanRestartsTheKeysSpellAndWindow() async throws {
        let plan = FaultPlan(keyFaults: [keyA: .budget(.init(limit: 1, window: .seconds(3600)))])
        try await withBareStandIn(apiKeys: [keyA], faults: plan) { standIn in
            let spent = try (0..<2).map { _ in try Self.ping(standIn, key: keyA).status }
            standIn.setFaults(plan)
            let renewed = try Self.ping(standIn, key: keyA).status
            standIn.setFaults(.none)
            let cleared = try Self.ping(standIn, key: keyA).status
            #expect(spent == [201, 429])
            #expect(renewed == 201 && cleared == 201)
        }
    }
}
