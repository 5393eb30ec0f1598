import Yams

extension ConfigParser {
    /// The keys allowed in one bot of `bots:`.
    static let botKeys = [
        "base_url", "org", "env", "bot", "channel", "api_key_file", "ca_file", "locale", "os", "user_ref", "auth", "probe",
    ]

    /// The bot keys that name a UUID, with what each names.
    private static let botUUIDKeys = [
        ("org", "the organisation's UUID"), ("env", "the environment's UUID"), ("bot", "the bot's UUID"),
        ("channel", "the channel's UUID"),
    ]

    /// A Broker base URL for messages.
    static let brokerURLExample = "https://broker.example.com/eva-broker"

    /// Reads `bots:` when the file has it: the valid bots by name, and a resolver that knows every
    /// declared name (also of bots with problems, already reported).
    static func readBots(
        _ entries: [String: YAMLNodeReader.Entry], reader: inout YAMLNodeReader
    ) -> (bots: [String: BotSettings], resolver: DeclaredNames) {
        guard let entry = entries["bots"], !YAMLNodeReader.isNull(entry.value) else {
            return ([:], DeclaredNames.bots([]))
        }
        guard case .mapping(let mapping) = entry.value else {
            reader.report(entry.value, "bots", "expected a mapping of bots by name (helpbot: ...), "
                + "found \(YAMLNodeReader.describe(entry.value))")
            return ([:], DeclaredNames.bots([]))
        }
        var bots: [String: BotSettings] = [:]
        var names: [String] = []
        for (key, value) in mapping {
            guard let name = entryName(key, kind: "bot", section: "bots", reader: &reader) else { continue }
            names.append(name)
            if let bot = readBot(name: name, key: key, value: value, reader: &reader) { bots[name] = bot }
        }
        return (bots, DeclaredNames.bots(names))
    }

    /// Reads one bot; `nil` when it has a problem (already reported). A required key that is
    /// missing is reported at the bot's name.
    private static func readBot(name: String, key: Node, value: Node, reader: inout YAMLNodeReader) -> BotSettings? {
        let path = "bots." + name
        let issuesBefore = reader.issues.count
        let mapping = reader.mapping(value, at: path)
        let entries = mapping.map { reader.entries(of: $0, at: path, known: botKeys) } ?? [:]
        let readable = mapping != nil || YAMLNodeReader.isNull(value)
        func required(_ field: String, _ what: String) -> String? {
            guard let entry = entries[field] else {
                if readable { reader.report(key, path + "." + field, "a bot needs \(field): \(what)") }
                return nil
            }
            return reader.string(entry.value, at: path + "." + field).map(ConfigText.trimmed)
        }

        var baseURL = required("base_url", "its Broker API's base URL, such as \(brokerURLExample)")
        if let url = baseURL, let problem = baseURLProblem(url, example: brokerURLExample) {
            reader.report(entries["base_url"]?.value, path + ".base_url", problem)
            baseURL = nil
        }
        var uuids: [String: String] = [:]
        for (field, what) in botUUIDKeys {
            guard let text = required(field, what) else { continue }
            if let uuid = UUIDText.normalized(text) {
                uuids[field] = uuid
            } else {
                reader.report(entries[field]?.value, path + "." + field, "\(ConfigText.quoted(text)) is not a UUID: "
                    + "expected \(what), 32 hexadecimal digits in groups of 8-4-4-4-12 "
                    + "such as 6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f")
            }
        }
        let locale = required("locale", "the LOCALE header of its probes, such as en-US")
            .flatMap { headerValue($0, entries["locale"], at: path + ".locale", spaces: false, reader: &reader) }
        var bot = BotSettings(name: name, baseURL: baseURL ?? "", org: uuids["org"] ?? "", env: uuids["env"] ?? "",
                              bot: uuids["bot"] ?? "", channel: uuids["channel"] ?? "", locale: locale ?? "",
                              source: reader.location(key))
        if let entry = entries["api_key_file"] {
            bot.apiKeyFile = reader.string(entry.value, at: path + ".api_key_file")
        }
        if let entry = entries["ca_file"] {
            bot.caFile = reader.string(entry.value, at: path + ".ca_file")
        }
        for field in ["os", "user_ref"] {
            guard let entry = entries[field], let text = reader.string(entry.value, at: path + "." + field),
                  let value = headerValue(ConfigText.trimmed(text), entry, at: path + "." + field, spaces: true, reader: &reader)
            else { continue }
            if field == "os" { bot.os = value } else { bot.userRef = value }
        }
        if let entry = entries["auth"] { bot.auth = readBotAuth(entry, at: path + ".auth", reader: &reader) }
        if let entry = entries["probe"] { bot.probe = readProbe(entry.value, at: path + ".probe", reader: &reader) }
        return reader.issues.count == issuesBefore ? bot : nil
    }

    /// `text`, the value of `entry` at `path`, when it can be sent as a header value; `nil` when
    /// reported.
    static func headerValue(
        _ text: String, _ entry: YAMLNodeReader.Entry?, at path: String, spaces: Bool, reader: inout YAMLNodeReader
    ) -> String? {
        guard let problem = HeaderValueText.problem(in: text, spaces: spaces) else { return text }
        reader.report(entry?.value, path, problem)
        return nil
    }
}
