import BrevoAPI
import Foundation
import BrevoStandIn
import HTTPTestSupport
import PresenceCore
import Testing

/// HTTPS to a stand-in that speaks TLS with a certificate from a throwaway CA (openssl).
@Suite struct BrevoClientTLSTests {
    @Test func pingsOverTLSWhenTheCAFileTrustsTheServer() async throws {
        try await withTLSStandIn { standIn, certificates in
            let client = try tlsClient(standIn, trusting: certificates.caFile)
            let outcome = await client.agentOnlinePing(alice)
            await client.shutdown()
            #expect(outcome.isSuccess)
            #expect(outcome.status == 201)
            #expect(standIn.baseURL.hasPrefix("https://"))
            #expect(standIn.requests.count == 1)
        }
    }

    @Test func theSystemTrustStoreAloneRefusesAnUnknownCA() async throws {
        try await withTLSStandIn { standIn, _ in
            let client = BrevoClient(baseURL: standIn.baseURL, apiKey: testKey, timeout: .seconds(5))
            let outcome = await client.agentOnlinePing(alice)
            await client.shutdown()
            #expect(outcome.errorClass == .connect)
            #expect(outcome.message?.hasPrefix("TLS failure: the server's certificate does not verify") == true)
            #expect(standIn.requests.isEmpty)
        }
    }

    @Test func aWrongCAFailsOncePerPingWithoutRetriesAndWithoutTheKey() async throws {
        let other = try StandInCertificates.make(authority: "some other CA")
        defer { other.remove() }
        try await withTLSStandIn { standIn, _ in
            let client = try tlsClient(standIn, trusting: other.caFile)
            var outcomes: [PingOutcome] = []
            for _ in 0..<3 { outcomes.append(await client.agentOnlinePing(alice)) }
            await client.shutdown()
            for outcome in outcomes {
                #expect(outcome.errorClass == .connect)
                #expect(outcome.message?.hasPrefix("TLS failure: ") == true)
                #expect(!leaksKey(outcome, testKey))
            }
            // One connection per ping: the client itself never retries a failed handshake.
            #expect(standIn.connectionsAccepted == 3)
            #expect(standIn.requests.isEmpty)
        }
    }

    @Test func httpsToAPlainHTTPServerSaysItDoesNotSpeakTLS() async throws {
        try await withBareStandIn { standIn in
            let url = standIn.baseURL.replacingOccurrences(of: "http://", with: "https://")
            let client = BrevoClient(baseURL: url, apiKey: testKey, timeout: .seconds(5))
            let outcome = await client.agentOnlinePing(alice)
            await client.shutdown()
            #expect(outcome.errorClass == .connect)
            #expect(outcome.message?.hasPrefix("TLS failure: ") == true)
        }
    }

    @Test func newCredentialsWithACAFileTakeEffectForTheNextPing() async throws {
        try await withTLSStandIn { standIn, certificates in
            let client = BrevoClient(baseURL: standIn.baseURL, apiKey: testKey, timeout: .seconds(5))
            let before = await client.agentOnlinePing(alice)
            let trust = try TrustAnchors.read(certificates.caFile)
            client.updateCredentials([BrevoAccountCredentials(baseURL: standIn.baseURL, apiKey: testKey,
                                                              transport: HTTPTransport(trust: trust))])
            let after = await client.agentOnlinePing(alice)
            await client.shutdown()
            #expect(before.errorClass == .connect)
            #expect(after.isSuccess)
        }
    }
}

/// Runs `body` with a throwaway CA and a stand-in serving HTTPS with a certificate it signed.
func withTLSStandIn<T>(
    faults: FaultPlan = .none, _ body: (BrevoStandIn, StandInCertificates) async throws -> T
) async throws -> T {
    let certificates = try StandInCertificates.make()
    defer { certificates.remove() }
    let tls = try certificates.tls()
    let standIn = try await BrevoStandIn.start(apiKeys: [testKey], faults: faults, tls: tls)
    let result: Result<T, any Error>
    do { result = .success(try await body(standIn, certificates)) } catch { result = .failure(error) }
    try await standIn.shutdown()
    return try result.get()
}

/// A client of `standIn` that trusts the CA in `caFile` beside the system's, through `proxy`.
func tlsClient(_ standIn: BrevoStandIn, trusting caFile: String, proxy: ForwardProxy? = nil) throws -> BrevoClient {
    let transport = HTTPTransport(trust: try TrustAnchors.read(caFile), proxy: proxy)
    return BrevoClient(accounts: [BrevoAccountCredentials(baseURL: standIn.baseURL, apiKey: testKey, transport: transport)],
                       timeout: .seconds(5))
}

extension TrustAnchors {
    /// The certificates of the PEM file at `path`.
    static func read(_ path: String) throws -> TrustAnchors {
        try TrustAnchors(pem: Array(try String(contentsOfFile: path, encoding: .utf8).utf8), file: path)
    }
}
