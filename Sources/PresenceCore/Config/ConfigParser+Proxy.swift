import Yams

extension ConfigParser {
    /// Reads `proxy:`: `url` (`http://host:port`, or `none` for no proxy whatever the
    /// environment says), `credentials_file` and `no_proxy` (a list, or one comma-separated string).
    static func readProxy(_ key: Node, _ node: Node, reader: inout YAMLNodeReader) -> ProxySettings? {
        guard let mapping = reader.mapping(node, at: "proxy") else { return nil }
        let entries = reader.entries(of: mapping, at: "proxy", known: ["url", "credentials_file", "no_proxy"])
        var settings = ProxySettings(source: reader.location(key))
        if let entry = entries["url"], let text = reader.string(entry.value, at: "proxy.url").map(ConfigText.trimmed) {
            if text == "none" {
                settings.direct = true
            } else {
                switch ProxyAddress.parse(text) {
                case .failure(let error):
                    reader.report(entry.value, "proxy.url", error.reason + ", or none")
                case .success(let address) where address.userInfo != nil:
                    reader.report(entry.value, "proxy.url", "the URL must not carry a user name or password; "
                        + "put user:password in proxy.credentials_file (or the credential proxy-credentials)")
                case .success(let address):
                    settings.url = address
                }
            }
        }
        if let entry = entries["credentials_file"] {
            settings.credentialsFile = reader.string(entry.value, at: "proxy.credentials_file")
        }
        if let entry = entries["no_proxy"] { settings.noProxy = readNoProxy(entry.value, reader: &reader) }
        return settings
    }

    private static func readNoProxy(_ node: Node, reader: inout YAMLNodeReader) -> NoProxyList? {
        if case .sequence(let items) = node {
            let hosts = items.compactMap { reader.string($0, at: "proxy.no_proxy") }
            return NoProxyList(hosts)
        }
        return reader.string(node, at: "proxy.no_proxy").map(NoProxyList.init(parsing:))
    }
}
