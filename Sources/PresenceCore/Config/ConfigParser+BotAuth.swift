import Yams

extension ConfigParser {
    /// The keys allowed in a bot's `auth:`.
    static let botAuthKeys = ["token_url", "client_id", "client_secret_file"]

    /// Reads a bot's `auth:` at `path`; `nil` when it has a problem (already reported). A missing
    /// `token_url` or `client_id` is reported at `auth:` itself.
    static func readBotAuth(_ entry: YAMLNodeReader.Entry, at path: String, reader: inout YAMLNodeReader) -> BotAuthSettings? {
        let issuesBefore = reader.issues.count
        let mapping = reader.mapping(entry.value, at: path)
        let entries = mapping.map { reader.entries(of: $0, at: path, known: botAuthKeys) } ?? [:]
        let readable = mapping != nil || YAMLNodeReader.isNull(entry.value)
        func required(_ field: String, _ what: String) -> (text: String, entry: YAMLNodeReader.Entry)? {
            guard let given = entries[field] else {
                if readable { reader.report(entry.keyNode, path + "." + field, "auth needs \(field): \(what)") }
                return nil
            }
            return reader.string(given.value, at: path + "." + field).map { (ConfigText.trimmed($0), given) }
        }
        let example = "https://sso.example.com/auth/realms/acme/protocol/openid-connect/token"
        var tokenURL = required("token_url", "the OAuth2 token endpoint, such as \(example)")?.text
        if let url = tokenURL, let problem = baseURLProblem(url, example: example) {
            reader.report(entries["token_url"]?.value, path + ".token_url", problem)
            tokenURL = nil
        }
        let clientID = required("client_id", "the OAuth2 client's ID").flatMap {
            headerValue($0.text, $0.entry, at: path + ".client_id", spaces: true, reader: &reader)
        }
        var clientSecretFile: String?
        if let given = entries["client_secret_file"] {
            clientSecretFile = reader.string(given.value, at: path + ".client_secret_file")
        }
        guard let tokenURL, let clientID, reader.issues.count == issuesBefore else { return nil }
        return BotAuthSettings(tokenURL: tokenURL, clientID: clientID, clientSecretFile: clientSecretFile)
    }
}
