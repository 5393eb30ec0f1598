import BrevoAPI
import BrevoStandIn
import BrokerAPI
import Foundation
import HTTPTestSupport
import PresenceCore
import Testing

/// A bot's Broker and token endpoint over HTTPS with a `ca_file`, directly and through a real
/// forward proxy (tinyproxy).
@Suite(.serialized) struct BrokerClientTLSTests {
    @Test func aProbeWithOAuthRunsOverTLSThroughTheProxy() async throws {
        let proxy = try Tinyproxy()
        defer { proxy.stop() }
        try await withTLSBroker(proxy: proxy) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, withAuth: true)))
            #expect(outcome.isHealthy, "\(outcome)")
            #expect(outcome.sessionClosed == true)
            #expect(standIn.baseURL.hasPrefix("https://"))
            // Token, start and close each went through the tunnel (pooled connections may be reused).
            #expect(standIn.requests().map(\.kind).contains(.token))
            #expect(!proxy.connectTargets.isEmpty)
            #expect(proxy.connectTargets.allSatisfy { $0 == "127.0.0.1:\(standIn.port)" })
        }
    }

    @Test func aBrokerWhoseCAIsNotTrustedFailsWithTLSFailure() async throws {
        try await withTLSBroker(trusted: false) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(!outcome.isHealthy)
            #expect(outcome.failure?.summary.contains("TLS failure: the server's certificate does not verify") == true,
                    "\(String(describing: outcome.failure))")
            #expect(standIn.requests().isEmpty)
        }
    }
}

/// Runs `body` with a Broker stand-in serving HTTPS with a throwaway CA's certificate, and a
/// client whose bot trusts that CA (unless not `trusted`) and goes through `proxy`.
private func withTLSBroker<T>(
    trusted: Bool = true, proxy: Tinyproxy? = nil, _ body: (BrokerStandIn, BrokerClient) async throws -> T
) async throws -> T {
    let certificates = try StandInCertificates.make()
    defer { certificates.remove() }
    let tls = try certificates.tls()
    let standIn = try await BrokerStandIn.start(apiKeys: [brokerKey], client: (id: clientID, secret: clientSecret), tls: tls)
    let pem = Array(try String(contentsOfFile: certificates.caFile, encoding: .utf8).utf8)
    let routes = proxy.map { proxy in
        let route = ProxyRoutes.Route(address: ProxyAddress(host: "127.0.0.1", port: proxy.port), origin: "proxy.url")
        return ProxyRoutes(https: route, http: route)
    } ?? .direct
    let policy = HTTPTransportPolicy(trust: trusted ? try TrustAnchors(pem: pem, file: certificates.caFile) : nil, routes: routes)
    let client = BrokerClient(userAgent: testUserAgent)
    client.updateSecrets(["helpbot": BrokerSecrets(apiKey: brokerKey, clientSecret: clientSecret, transport: policy)])
    let result: Result<T, any Error>
    do { result = .success(try await body(standIn, client)) } catch { result = .failure(error) }
    await client.shutdown()
    await standIn.shutdown()
    return try result.get()
}
