import BrevoStandIn
import Foundation

/// A Broker stand-in and the `bots:` section that points a daemon's bot `helpbot` at it.
struct BotFixture {
    /// A Broker key long and distinctive enough that a leak would be found by `contains`.
    static let brokerKey = "broker-key-\(UUID().uuidString)-SECRET"

    /// The OAuth2 client secret, when the Broker wants bearer tokens.
    static let clientSecret = "client-secret-\(UUID().uuidString)-SECRET"

    let broker: BrokerStandIn
    let keyFile: String
    /// The client secret's file, when the Broker wants bearer tokens.
    let secretFile: String?

    /// Starts a Broker stand-in accepting ``brokerKey`` (and, `withAuth`, only requests with a
    /// bearer token it issued to client `presence`) and writes the secrets into `folder`.
    static func start(in folder: TemporaryFolder, withAuth: Bool = false) async throws -> BotFixture {
        let broker = try await BrokerStandIn.start(apiKeys: [brokerKey], client: withAuth ? ("presence", clientSecret) : nil)
        let secretFile = withAuth ? try folder.write("broker-client-secret", clientSecret + "\n") : nil
        return BotFixture(broker: broker, keyFile: try folder.write("broker-api-key", brokerKey + "\n"), secretFile: secretFile)
    }

    /// The `bots:` section, probed every `interval`; `downAfter` failures take the bot down.
    func botsSection(interval: String = "10s", downAfter: Int = 1) -> String {
        """
        bots:
          helpbot:
            base_url: \(broker.baseURL)
            org: 6c1f2a4e-1b2c-4d3e-8f90-0123456789ab
            env: 0a9e1b2c-3d4e-4f50-9a61-b2c3d4e5f607
            bot: 47d2c3b4-a596-4788-99aa-bbccddeeff00
            channel: 9f31d2e3-f4a5-4b6c-8d7e-8f9a0b1c2d3e
            api_key_file: \(keyFile)
            locale: en-US
        \(authSection)
            probe:
              interval: \(interval)
              timeout: 2s
              down_after: \(downAfter)
              up_after: 1
        """
    }

    /// The `auth:` lines, when the Broker wants bearer tokens.
    private var authSection: String {
        guard let secretFile else { return "" }
        return "    auth:\n      token_url: \(broker.tokenURL)\n      client_id: presence\n      client_secret_file: \(secretFile)"
    }

    /// Start requests the Broker answered, in order.
    func starts() -> [BrokerRecordedRequest] {
        broker.requests().filter { $0.kind == .start }
    }
}
