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
