import BrevoStandIn
import BrokerAPI
import PresenceCore

/// The Broker key the stand-ins accept; long and distinctive so a leak would be found by `contains`.
let brokerKey = "broker-key-0123456789abcdef-SECRET"

/// The OAuth2 client of the stand-ins that want a bearer token.
let clientID = "presence"
let clientSecret = "client-secret-9876543210-SECRET"

/// The `User-Agent` the clients under test send.
let testUserAgent = "agent-presenced/test (node n1)"

/// A bot on `standIn`, as the config would give it.
func helpbot(
    on standIn: BrokerStandIn, expect: String? = nil, text: String = "ping", timeout: Duration = .seconds(5),
    withAuth: Bool = false
) -> BotSettings {
    BotSettings(
        name: "helpbot", baseURL: standIn.baseURL,
        org: "6c1f0000-0000-4000-8000-000000000001", env: "0a9e0000-0000-4000-8000-000000000002",
        bot: "47d20000-0000-4000-8000-000000000003", channel: "9f310000-0000-4000-8000-000000000004",
        locale: "en-US", os: "Linux", userRef: "agent-presenced",
        auth: withAuth ? BotAuthSettings(tokenURL: standIn.tokenURL, clientID: clientID) : nil,
        probe: ProbeSettings(text: text, expect: expect, cadence: .init(timeout: timeout))
    )
}

/// A probe of `bot` with a request ID of its own.
func probeRequest(_ bot: BotSettings, id: String = "probe-1") -> ProbeRequest {
    ProbeRequest(bot: bot, requestID: id)
}

/// Runs `body` with a fresh Broker stand-in and a client holding `helpbot`'s secrets, then
/// shuts both down, even when `body` throws.
func withBroker<T>(
    fault: BrokerFault = .none,
    withAuth: Bool = false,
    tokenLifetime: Duration = .seconds(300),
    answerText: String = "Hello! How can I help you?",
    secrets: BrokerSecrets = BrokerSecrets(apiKey: brokerKey, clientSecret: clientSecret),
    _ body: (BrokerStandIn, BrokerClient) async throws -> T
) async throws -> T {
    let standIn = try await BrokerStandIn.start(
        apiKeys: [brokerKey], client: withAuth ? (id: clientID, secret: clientSecret) : nil,
        answerText: answerText, tokenLifetime: tokenLifetime
    )
    let client = BrokerClient(userAgent: testUserAgent)
    client.updateSecrets(["helpbot": secrets])
    let result: Result<T, any Error>
    do {
        try await standIn.setFault(fault)
        result = .success(try await body(standIn, client))
    } catch {
        result = .failure(error)
    }
    await client.shutdown()
    await standIn.shutdown()
    return try result.get()
}

/// Every text of `outcome` a log, the status file or `agent-presenced probe` could print.
func printedTexts(of outcome: ProbeOutcome) -> [String] {
    [outcome.failure?.summary, outcome.closeError, outcome.answerText, String(describing: outcome)].compactMap { $0 }
        + outcome.answerTexts
}

/// Whether `outcome` shows any of `secrets` anywhere it could be printed.
func leaks(_ outcome: ProbeOutcome, _ secrets: [String]) -> Bool {
    printedTexts(of: outcome).contains { text in secrets.contains { text.contains($0) } }
}
