import BrokerAPI

extension LoadedConfig {
    /// Every bot's Broker key and client secret by bot name, for the one shared ``BrokerClient``.
    public var brokerSecrets: [String: BrokerSecrets] {
        botSecrets.mapValues { BrokerSecrets(apiKey: $0.apiKey, clientSecret: $0.clientSecret) }
    }
}
