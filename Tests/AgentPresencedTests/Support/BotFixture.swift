import BrevoStandIn
import Foundation

/// A Broker stand-in and the `bots:` section that points a daemon's bot `helpbot` at it.
struct BotFixture {
    /// A Broker key long and distinctive enough that a leak would be found by `contains`.
    static let brokerKey = "broker-key-\(UUID().uuidString)-SECRET"

    let broker: BrokerStandIn
    let keyFile: String

    /// Starts a Broker stand-in accepting ``brokerKey`` and writes the key into `folder`.
    static func start(in folder: TemporaryFolder) async throws -> BotFixture {
        let broker = try await BrokerStandIn.start(apiKeys: [brokerKey])
        return BotFixture(broker: broker, keyFile: try folder.write("broker-api-key", brokerKey + "\n"))
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
            probe:
              interval: \(interval)
              timeout: 2s
              down_after: \(downAfter)
              up_after: 1
        """
    }

    /// Start requests the Broker answered, in order.
    func starts() -> [BrokerRecordedRequest] {
        broker.requests().filter { $0.kind == .start }
    }
}
