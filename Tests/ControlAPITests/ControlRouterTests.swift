import Testing

@testable import ControlAPI

@Suite struct ControlRouterTests {
    private func match(_ method: String, _ target: String) -> Result<ControlEndpoint, ControlRequestError> {
        do throws(ControlRequestError) {
            return .success(try ControlRouter.match(method: method, target: target))
        } catch {
            return .failure(error)
        }
    }

    @Test func knownEndpoints() {
        #expect(match("GET", "/v1/status") == .success(.status))
        #expect(match("GET", "/v1/agents/alice") == .success(.agent(key: "alice")))
        #expect(match("PUT", "/v1/agents/alice/override") == .success(.setOverride(key: "alice")))
        #expect(match("DELETE", "/v1/agents/alice/override") == .success(.clearOverride(key: "alice")))
        #expect(match("POST", "/v1/reload") == .success(.reload))
    }

    @Test func keysArePercentDecodedAsOneSegment() {
        #expect(match("GET", "/v1/agents/sales%2Fid%3Aabc") == .success(.agent(key: "sales/id:abc")))
        #expect(match("PUT", "/v1/agents/caf%C3%A9/override") == .success(.setOverride(key: "café")))
        #expect(match("GET", "/v1/agents/a%252F") == .success(.agent(key: "a%2F")))
    }

    @Test func queryStringIsIgnored() {
        #expect(match("GET", "/v1/status?pretty=1") == .success(.status))
        #expect(match("GET", "/v1/agents/alice?x=/y") == .success(.agent(key: "alice")))
    }

    @Test(arguments: ["/", "/v1", "/v2/status", "/v1/status/", "/v1/agents", "/v1/agents/a/b", "/v1/agents/a/override/x", "v1/status", "*"])
    func unknownPathsAre404(_ target: String) {
        guard case .failure(let error) = match("GET", target) else {
            Issue.record("\(target) matched")
            return
        }
        #expect(error.status == 404)
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let cases: [(String, String, String)] = [
            ("POST", "/v1/status", "GET"),
            ("DELETE", "/v1/agents/alice", "GET"),
            ("GET", "/v1/agents/alice/override", "PUT, DELETE"),
            ("GET", "/v1/reload", "POST"),
        ]
        for (method, target, allow) in cases {
            guard case .failure(let error) = match(method, target) else {
                Issue.record("\(method) \(target) matched")
                continue
            }
            #expect(error.status == 405)
            #expect(error.response.headers == [.init(name: "Allow", value: allow)])
        }
    }

    @Test(arguments: [
        "/v1/agents/", "/v1/agents/%", "/v1/agents/%2", "/v1/agents/%zz", "/v1/agents/..", "/v1/agents/.",
        "/v1/agents/%2E%2E", "/v1/agents/%2e", "/v1/agents/a%00b", "/v1/agents/%FF", "/v1/agents//override",
    ])
    func badKeysAre400(_ target: String) {
        guard case .failure(let error) = match(target.hasSuffix("override") ? "PUT" : "GET", target) else {
            Issue.record("\(target) matched")
            return
        }
        #expect(error.status == 400)
        #expect(error.message.contains("agent key"))
    }

    @Test func bodyIsParsedOnlyForSetOverride() throws {
        #expect(try ControlEndpoint.status.route(body: Array("junk".utf8)) == .status)
        #expect(try ControlEndpoint.setOverride(key: "a").route(body: Array(#"{"mode":"away"}"#.utf8)) == .setOverride(key: "a", OverrideChange(mode: .away)))
        #expect(throws: ControlRequestError.self) { try ControlEndpoint.setOverride(key: "a").route(body: []) }
    }

    @Test func changesStateMarksTheGuardedEndpoints() {
        #expect(!ControlEndpoint.status.changesState)
        #expect(!ControlEndpoint.agent(key: "a").changesState)
        #expect(ControlEndpoint.setOverride(key: "a").changesState)
        #expect(ControlEndpoint.clearOverride(key: "a").changesState)
        #expect(ControlEndpoint.reload.changesState)
    }
}
