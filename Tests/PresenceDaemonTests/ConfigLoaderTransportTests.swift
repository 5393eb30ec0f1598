import BrevoAPI
import BrevoStandIn
import BrokerAPI
import Foundation
import PresenceCore
import PresenceDaemon
import Testing

@Suite("ConfigLoader: ca_file and proxy")
struct ConfigLoaderTransportTests {
    static let password = "proxy-PASSWORD-0123-SECRET"

    /// A folder with the Brevo key and a config of `top` lines (before `agents:`).
    static func setUp(_ top: String) throws -> (ConfigTestFolder, String) {
        let folder = try ConfigTestFolder()
        try folder.write("key", "xkeysib-abc123\n")
        let path = try folder.write("config.yaml", top + "agents:\n  - id: a1\n")
        return (folder, path)
    }

    @Test func aCAFileIsReadRelativeToTheConfigAndTrustedForItsAccount() throws {
        let certificates = try StandInCertificates.make()
        defer { certificates.remove() }
        let (folder, path) = try Self.setUp("brevo:\n  api_key_file: key\n  ca_file: corp-ca.pem\n")
        try folder.write("corp-ca.pem", try String(contentsOfFile: certificates.caFile, encoding: .utf8), mode: 0o644)
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.trustAnchors[folder.path + "/corp-ca.pem"]?.certificates.count == 1)
        #expect(loaded.brevoCredentials.first?.transport.trust?.file == folder.path + "/corp-ca.pem")
        #expect(loaded.brevoCredentials.first?.transport.proxy == nil)
    }

    @Test func anUnreadableCAFileNamesTheFileLineAndKey() throws {
        let (folder, path) = try Self.setUp("brevo:\n  api_key_file: key\n  ca_file: /nonexistent/ca.pem\n")
        let issues = configLoadIssues(path)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.location == ConfigLocation(file: path, line: 3))
        #expect(issues.first?.keyPath == "brevo.ca_file")
        #expect(issues.first?.message.hasPrefix("the CA file /nonexistent/ca.pem does not exist") == true, "\(issues)")
        withExtendedLifetime(folder) {}
    }

    @Test func aCAFileWithoutACertificateIsRefusedPerAccount() throws {
        let (folder, path) = try Self.setUp("accounts:\n  eu:\n    api_key_file: key\n    ca_file: notes.txt\n")
        try folder.write("notes.txt", "just some text\n", mode: 0o644)
        let issues = configLoadIssues(path)
        #expect(issues.map(\.keyPath) == ["accounts.eu.ca_file"])
        #expect(issues.first?.location.line == 4)
        #expect(issues.first?.message == "the CA file \(folder.path)/notes.txt holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
    }

    @Test func aBotsCAFileReachesItsTransport() throws {
        let certificates = try StandInCertificates.make()
        defer { certificates.remove() }
        let folder = try ConfigLoaderBotsTests.folder()
        try folder.write("broker.key", ConfigLoaderBotsTests.key)
        let path = try folder.write("config.yaml", ConfigLoaderBotsTests.config("api_key_file: broker.key", "ca_file: \(certificates.caFile)"))
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.brokerSecrets["helpbot"]?.transport.trust?.file == certificates.caFile)
    }

    @Test func theEnvironmentsProxyServesHTTPSAndNoProxyBypassesIt() throws {
        let (folder, path) = try Self.setUp("brevo:\n  api_key_file: key\n")
        let loaded = try ConfigLoader.load(path: path, environment: ["https_proxy": "http://proxy.corp:3128"])
        let proxy = try #require(loaded.brevoCredentials.first?.transport.proxy)
        #expect("\(proxy)" == "the proxy http://proxy.corp:3128 (from https_proxy)")
        let bypassed = try ConfigLoader.load(path: path, environment: ["https_proxy": "http://proxy.corp:3128", "no_proxy": "brevo.com"])
        #expect(bypassed.brevoCredentials.first?.transport.proxy == nil)
        withExtendedLifetime(folder) {}
    }

    @Test func aBadProxyVariableIsAConfigErrorNamingIt() throws {
        let (folder, path) = try Self.setUp("brevo:\n  api_key_file: key\n")
        let issues = configLoadIssues(path, environment: ["HTTPS_PROXY": "http://alice:\(Self.password)@proxy.corp"])
        #expect(issues.map(\.keyPath) == ["HTTPS_PROXY"])
        #expect(issues.first?.message.contains("with a port from 1 to 65535") == true, "\(issues)")
        #expect(!"\(issues)".contains(Self.password))
        withExtendedLifetime(folder) {}
    }

    @Test func theProxyCredentialsComeFromTheirFileAndStayOutOfDescriptions() throws {
        let (folder, path) = try Self.setUp("brevo:\n  api_key_file: key\nproxy:\n  url: http://proxy.corp:3128\n  credentials_file: proxy.cred\n")
        try folder.write("proxy.cred", "presence:\(Self.password)\n")
        let loaded = try ConfigLoader.load(path: path, environment: ["https_proxy": "http://ignored:1"])
        #expect(loaded.proxyCredentials == ProxyUserInfo(username: "presence", password: Self.password))
        let transport = try #require(loaded.brevoCredentials.first?.transport)
        #expect(transport.proxy?.credentials?.password == Self.password)
        #expect(transport.proxy?.origin == "proxy.url")
        #expect(!"\(loaded.brevoCredentials) \(transport) \(loaded.proxyCredentialsSource!)".contains(Self.password))
        #expect(loaded.warnings.isEmpty)
    }

    @Test func theProxyCredentialIsOptionalButReadWhenSystemdPassesIt() throws {
        let (folder, path) = try Self.setUp("brevo:\n  api_key_file: key\nproxy:\n  url: http://proxy.corp:3128\n")
        let credentials = folder.path + "/credentials"
        try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: true)
        #expect(try ConfigLoader.load(path: path, environment: ["CREDENTIALS_DIRECTORY": credentials]).proxyCredentials == nil)
        try folder.write("credentials/proxy-credentials", "presence:\(Self.password)")
        let loaded = try ConfigLoader.load(path: path, environment: ["CREDENTIALS_DIRECTORY": credentials])
        #expect(loaded.proxyCredentials?.username == "presence")
        #expect("\(loaded.proxyCredentialsSource!)" == "systemd credential proxy-credentials")
    }

    @Test func aBrokenProxyCredentialsFileIsRefusedWithoutQuotingIt() throws {
        let (folder, path) = try Self.setUp("brevo:\n  api_key_file: key\nproxy:\n  credentials_file: proxy.cred\n")
        try folder.write("proxy.cred", "\(Self.password)\n", mode: 0o644)
        let issues = configLoadIssues(path)
        #expect(issues.map(\.keyPath) == ["proxy.credentials_file"])
        #expect(issues.first?.message == "the proxy credentials file must hold one line, user:password")
        #expect(!"\(issues)".contains(Self.password))
        let missing = configLoadIssues(try folder.write("other.yaml", "brevo:\n  api_key_file: key\nproxy:\n  credentials_file: nope\n"))
        #expect(missing.first?.message.hasPrefix("the proxy credentials file does not exist") == true, "\(missing)")
    }

    @Test func aReloadCheckReadsTheCAFileButNotTheProxyPassword() throws {
        let certificates = try StandInCertificates.make()
        defer { certificates.remove() }
        let (folder, path) = try Self.setUp("brevo:\n  ca_file: \(certificates.caFile)\nproxy:\n  credentials_file: proxy.cred\n")
        try folder.write("proxy.cred", "presence:\(Self.password)\n")
        let loaded = try ConfigLoader.load(path: path, environment: [:], readingAPIKey: false)
        #expect(loaded.trustAnchors.count == 1)
        #expect(loaded.proxyCredentials == nil)
    }
}
