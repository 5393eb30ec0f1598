import BrevoAPI
import PresenceCore

extension LoadedConfig {
    /// Every account's base URL and key, for the one shared ``BrevoClient``.
    public var brevoCredentials: [BrevoAccountCredentials] {
        config.accounts.map { account in
            BrevoAccountCredentials(
                name: account.name, baseURL: account.brevo.baseURL, apiKey: apiKeys[account.name]?.secret ?? "",
                transport: transportPolicy(caFile: account.brevo.caFile).transport(for: account.brevo.baseURL)
            )
        }
    }
}
