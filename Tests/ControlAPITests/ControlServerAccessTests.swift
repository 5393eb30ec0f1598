#if canImport(Glibc)
import Glibc
#endif
import ControlAPI
import Foundation
import Testing

/// The listener's access policy, with the peer's uid as the kernel reports it.
@Suite struct ControlServerAccessTests {
    private let away = Array(#"{"mode":"away"}"#.utf8)

    @Test func readOnlyRefusesChangesFromUnlistedPeersButAnswersReads() async throws {
        // An empty set: even this test's own uid (root in CI) is not allowed to change.
        try await TestServer.with(access: .readOnly(exceptPeerUIDs: [])) { test in
            #expect(try await test.client.request("GET", "/v1/status").status == 200)
            #expect(try await test.client.request("GET", "/v1/agents/alice").status == 200)
            for (method, path) in [("PUT", "/v1/agents/alice/override"), ("DELETE", "/v1/agents/alice/override"), ("POST", "/v1/reload")] {
                let answer = try await test.client.request(method, path, body: method == "PUT" ? away : nil)
                #expect(answer.status == 403, "\(method) \(path)")
                let message = ControlResponse(status: answer.status, body: answer.body).errorMessage ?? ""
                #expect(message.contains("needs root"), "\(message)")
            }
            // Refused before the body is looked at: a bad body still gets 403, not 400.
            let bad = try await test.client.request("PUT", "/v1/agents/alice/override", body: Array("{".utf8))
            #expect(bad.status == 403)
            #expect(await test.routes.book.entry("alice")?.mode == nil)
            #expect(await test.routes.book.reloads == 0)
        }
    }

    @Test func readOnlyAllowsChangesFromAListedPeer() async throws {
        try await TestServer.with(access: .readOnly(exceptPeerUIDs: [geteuid()])) { test in
            let answer = try await test.client.request("PUT", "/v1/agents/alice/override", body: away)
            #expect(answer.status == 200)
        }
    }

    @Test func fullAllowsChanges() async throws {
        try await TestServer.with(access: .full) { test in
            let answer = try await test.client.request("PUT", "/v1/agents/alice/override", body: away)
            #expect(answer.status == 200)
            #expect(await test.routes.book.entry("alice")?.mode == "away")
            #expect(try await test.client.request("POST", "/v1/reload").status == 200)
        }
    }
}
