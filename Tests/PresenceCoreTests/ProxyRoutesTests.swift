import PresenceCore
import Testing

@Suite struct ProxyAddressTests {
    @Test func readsHostPortAndUserInfo() throws {
        #expect(try ProxyAddress.parse("http://proxy:3128").get() == ProxyAddress(host: "proxy", port: 3128))
        #expect(try ProxyAddress.parse("proxy:3128/").get() == ProxyAddress(host: "proxy", port: 3128))
        #expect(try ProxyAddress.parse("http://[::1]:8080").get() == ProxyAddress(host: "::1", port: 8080))
        let withUser = try ProxyAddress.parse("HTTP://alice:p%40ss@proxy:3128").get()
        #expect(withUser.userInfo == ProxyUserInfo(username: "alice", password: "p@ss"))
        #expect(withUser.description == "http://proxy:3128")
    }

    @Test func errorsNeverQuoteThePassword() {
        guard case .failure(let error) = ProxyAddress.parse("http://alice:TOPSECRET@proxy") else {
            Issue.record("a proxy URL without a port parsed")
            return
        }
        #expect(!error.description.contains("TOPSECRET"))
        #expect(error.description.contains("***@proxy"))
        #expect(!String(describing: ProxyUserInfo(username: "alice", password: "TOPSECRET")).contains("TOPSECRET"))
    }
}

@Suite struct NoProxyListTests {
    @Test func namesMatchThemselvesAndTheirSubdomains() {
        let list = NoProxyList(parsing: "localhost, .internal.example,10.0.0.7 api.local:8443")
        #expect(list.matches(host: "localhost"))
        #expect(list.matches(host: "broker.internal.example"))
        #expect(list.matches(host: "internal.example"))
        #expect(list.matches(host: "10.0.0.7"))
        #expect(list.matches(host: "API.LOCAL"))
        #expect(!list.matches(host: "api.brevo.com"))
        #expect(!list.matches(host: "notinternal.example"))
        #expect(!list.matches(host: "10.0.0.70"))
    }

    @Test func aStarMatchesEveryHost() {
        #expect(NoProxyList(parsing: "*").matches(host: "api.brevo.com"))
        #expect(!NoProxyList.empty.matches(host: "api.brevo.com"))
        #expect(NoProxyList(["[::1]"]).matches(host: "[::1]"))
    }
}

@Suite struct ProxyRoutesTests {
    private let proxy = ProxyAddress(host: "proxy", port: 3128)

    @Test func theEnvironmentServesEachSchemeAsCurlDoes() throws {
        let routes = try ProxyRoutes.resolve(nil, environment: [
            "HTTPS_PROXY": "http://proxy:3128", "http_proxy": "http://plain:8080", "NO_PROXY": "internal.example",
        ]).get()
        #expect(routes.route(scheme: "https", host: "api.brevo.com")?.address == proxy)
        #expect(routes.route(scheme: "https", host: "api.brevo.com")?.origin == "HTTPS_PROXY")
        #expect(routes.route(scheme: "http", host: "api.brevo.com")?.address == ProxyAddress(host: "plain", port: 8080))
        #expect(routes.route(scheme: "https", host: "broker.internal.example") == nil)
    }

    @Test func lowerCaseWinsAndHTTPProxyInUpperCaseIsIgnored() throws {
        let routes = try ProxyRoutes.resolve(nil, environment: [
            "https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:2", "HTTP_PROXY": "http://cgi:3",
        ]).get()
        #expect(routes.https?.address.host == "lower")
        #expect(routes.http == nil)
    }

    @Test func theConfigWinsOverTheEnvironment() throws {
        let environment = ["https_proxy": "http://env:1", "no_proxy": "*"]
        let configured = try ProxyRoutes.resolve(ProxySettings(url: proxy, noProxy: NoProxyList(["corp.example"])),
                                                 environment: environment).get()
        #expect(configured.route(scheme: "https", host: "api.brevo.com")?.origin == "proxy.url")
        #expect(configured.route(scheme: "http", host: "api.brevo.com")?.address == proxy)
        #expect(configured.route(scheme: "https", host: "x.corp.example") == nil)
        #expect(try ProxyRoutes.resolve(ProxySettings(direct: true), environment: environment).get() == .direct)
    }

    @Test func aBadEnvironmentURLNamesItsVariable() {
        guard case .failure(let error) = ProxyRoutes.resolve(nil, environment: ["https_proxy": "https://proxy:3128"]) else {
            Issue.record("an https:// proxy URL was accepted")
            return
        }
        #expect(error.variable == "https_proxy")
        #expect(error.description.hasPrefix("the environment's https_proxy: only http:// proxies"))
    }
}
