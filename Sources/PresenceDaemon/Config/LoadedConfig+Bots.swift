import BrokerAPI

extension LoadedConfig {
    /// Every bot's Broker key, client secret and transport by bot name, for the one shared ``BrokerClient``.
    public var brokerSecrets: [String: BrokerSecrets] {
        var secrets: [String: BrokerSecrets] = [:]
        for (name, bot) in botSecrets {
            secrets[name] = BrokerSecrets(apiKey: bot.apiKey, clientSecret: bot.clientSecret,
                                          transport: transportPolicy(caFile: config.bots[name]?.caFile))
        }
        return secrets
    }
}
