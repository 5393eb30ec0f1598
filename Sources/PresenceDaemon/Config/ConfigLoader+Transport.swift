import BrevoAPI
import Foundation
import PresenceCore

extension ConfigLoader {
    /// What the loader resolved about how requests travel: the CA bundles, the proxy routes
    /// and the proxy's credentials, and what went wrong.
    struct TransportLoad {
        var anchors: [String: TrustAnchors] = [:]
        var routes = ProxyRoutes.direct
        var proxyCredentials: ProxyUserInfo?
        var proxyCredentialsSource: APIKeySource?
        var issues: [ConfigIssue] = []
        var warnings: [String] = []
    }

    /// The largest CA bundle read: Debian's whole trust store is about 200 KB.
    static let caFileSizeLimit = 4 << 20

    /// Reads every `ca_file` of `config` (accounts and bots), resolves the proxy routes from
    /// `proxy:` and `environment`, and, with `reading`, the proxy's `user:password` from
    /// `proxy.credentials_file` or the systemd credential `proxy-credentials` (when passed).
    static func loadTransport(
        of config: PresenceConfig, configFile: String, text: String, environment: [String: String], reading: Bool
    ) -> TransportLoad {
        var result = TransportLoad()
        let folder = ConfigPaths.folder(of: configFile)
        var caFiles: [(keyPath: String, file: String)] = config.accounts.compactMap { account in
            account.brevo.caFile.map { (config.namesAccounts ? "accounts.\(account.name).ca_file" : "brevo.ca_file", $0) }
        }
        caFiles += config.bots.values.sorted { $0.name < $1.name }.compactMap { bot in bot.caFile.map { ("bots.\(bot.name).ca_file", $0) } }
        for (keyPath, file) in caFiles {
            let path = ConfigPaths.resolve(file, relativeTo: folder)
            guard result.anchors[path] == nil else { continue }
            let location = ConfigLocation(file: configFile, line: ConfigParser.line(of: keyPath, in: text))
            switch TextFileReader.contents(of: path, sizeLimit: caFileSizeLimit) {
            case .failure(let problem):
                result.issues.append(ConfigIssue(location: location, keyPath: keyPath, message: "the CA file \(path) \(problem.message)"))
            case .success(let pem):
                do {
                    result.anchors[path] = try TrustAnchors(pem: Array(pem.text.utf8), file: path)
                } catch {
                    result.issues.append(ConfigIssue(location: location, keyPath: keyPath, message: "the CA file \(path) \(error.reason)"))
                }
            }
        }

        switch ProxyRoutes.resolve(config.proxy, environment: environment) {
        case .success(let routes): result.routes = routes
        case .failure(let error):
            let line = ConfigParser.line(of: "proxy", in: text)
            result.issues.append(ConfigIssue(location: ConfigLocation(file: configFile, line: line), keyPath: error.variable,
                                             message: "the environment's proxy URL does not parse: \(error.reason)"))
        }
        loadProxyCredentials(of: config, configFile: configFile, text: text, environment: environment,
                             reading: reading, into: &result)
        return result
    }

    /// Reads `user:password` from `proxy.credentials_file`, else from the credential
    /// `proxy-credentials` when systemd passed one (it is optional, unlike the API key).
    private static func loadProxyCredentials(
        of config: PresenceConfig, configFile: String, text: String, environment: [String: String],
        reading: Bool, into result: inout TransportLoad
    ) {
        let keyPath = "proxy.credentials_file"
        let source = ConfigPaths.secretSource(
            configured: config.proxy?.credentialsFile, credentialName: ConfigPaths.proxyCredentialsCredentialName,
            configFolder: ConfigPaths.folder(of: configFile), environment: environment
        )
        guard let path = source.path else { return }
        if case .credential = source, !FileManager.default.fileExists(atPath: path) { return }
        result.proxyCredentialsSource = source
        guard reading else { return }
        func issue(_ message: String) -> ConfigIssue {
            ConfigIssue(location: ConfigLocation(file: path), keyPath: keyPath, message: message)
        }
        switch TextFileReader.contents(of: path, sizeLimit: TextFileReader.keySizeLimit) {
        case .failure(let problem):
            result.issues.append(issue("the proxy credentials file \(problem.message)"))
        case .success(let file):
            guard let line = file.onlyLine, let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                result.issues.append(issue("the proxy credentials file must hold one line, user:password"))
                return
            }
            result.proxyCredentials = ProxyUserInfo(username: String(line[..<colon]),
                                                    password: String(line[line.index(after: colon)...]))
            if let warning = file.passwordFileWarning("proxy credentials file", path: path) { result.warnings.append(warning) }
        }
    }
}
