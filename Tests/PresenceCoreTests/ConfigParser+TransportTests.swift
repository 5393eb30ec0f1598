import PresenceCore
import Testing

@Suite("ConfigParser: ca_file and proxy")
struct ConfigParserTransportTests {
    @Test func caFileIsReadUnderBrevoAccountsAndBots() throws {
        let one = try ConfigParser.parse("brevo:\n  ca_file: /etc/ssl/corp.pem\n", file: "config.yaml")
        #expect(one.accounts[0].brevo.caFile == "/etc/ssl/corp.pem")
        let several = try ConfigParser.parse("accounts:\n  eu:\n    ca_file: eu.pem\n  us: {}\n", file: "config.yaml")
        #expect(several.accounts.map(\.brevo.caFile) == ["eu.pem", nil])
        let bots = try ConfigParser.parse(botConfig(extra: ["ca_file: broker-ca.pem"]), file: "config.yaml")
        #expect(bots.bots["b"]?.caFile == "broker-ca.pem")
    }

    @Test func proxyKeysAreRead() throws {
        let config = try ConfigParser.parse("""
            proxy:
              url: http://proxy.corp.example:3128
              credentials_file: proxy-credentials
              no_proxy: [localhost, .internal.example]
            """, file: "config.yaml")
        #expect(config.proxy?.url == ProxyAddress(host: "proxy.corp.example", port: 3128))
        #expect(config.proxy?.credentialsFile == "proxy-credentials")
        #expect(config.proxy?.noProxy == NoProxyList(["localhost", ".internal.example"]))
        #expect(config.proxy?.direct == false)
        #expect(try ConfigParser.parse("proxy:\n  url: none\n", file: "c.yaml").proxy?.direct == true)
        #expect(try ConfigParser.parse("proxy:\n  no_proxy: a.example, b.example\n", file: "c.yaml").proxy?.noProxy
            == NoProxyList(["a.example", "b.example"]))
        #expect(try ConfigParser.parse("", file: "c.yaml").proxy == nil)
    }

    @Test("a proxy URL that does not parse names the key", arguments: [
        ("https://proxy:3128", "only http:// proxies are supported"), ("http://proxy", "with a port from 1 to 65535"),
        ("http://proxy:3128/path", "without a path"), ("socks5://proxy:1080", "only http:// proxies"),
        ("http://proxy:99999", "with a port from 1 to 65535"),
    ])
    func badProxyURL(text: String, mentions: String) {
        expectOneConfigIssue("proxy:\n  url: \(text)\n", keyPath: "proxy.url", line: 2, mentions: mentions)
    }

    @Test func aProxyURLInTheConfigMustNotCarryAPassword() {
        expectOneConfigIssue("proxy:\n  url: http://alice:SECRET@proxy:3128\n", keyPath: "proxy.url", line: 2,
                             mentions: "must not carry a user name or password")
        do {
            _ = try ConfigParser.parse("proxy:\n  url: http://alice:SECRET@proxy:3128\n", file: "config.yaml")
        } catch {
            #expect(!error.description.contains("SECRET"))
        }
    }

    @Test func unknownProxyKeysAreRefused() {
        expectOneConfigIssue("proxy:\n  host: proxy\n", keyPath: "proxy.host", line: 2, mentions: "unknown key")
    }
}
