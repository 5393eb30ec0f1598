import BrevoAPI
import BrevoStandIn
import PresenceCore
import Testing

/// The `User-Agent` every request carries, built from the one product version.
@Suite struct UserAgentTests {
    @Test func userAgentNamesTheProductVersion() {
        #expect(ProductVersion.userAgent() == "agent-presenced/\(ProductVersion.current)")
        #expect(ProductVersion.userAgent(node: "") == ProductVersion.userAgent())
        #expect(ProductVersion.userAgent(node: "n2") == "agent-presenced/\(ProductVersion.current) (node n2)")
    }

    @Test func standInSeesTheProductUserAgent() async throws {
        try await withStandIn { standIn, client in
            #expect(await client.agentOnlinePing(alice).isSuccess)
            #expect(standIn.requests.map(\.userAgent) == ["agent-presenced/\(ProductVersion.current)"])
        }
    }
}
