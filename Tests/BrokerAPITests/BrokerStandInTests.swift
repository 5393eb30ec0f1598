import HTTPTestSupport
import BrevoStandIn
import Foundation
import Testing

/// The Broker stand-in itself, poked with a plain socket client: the Broker's checks, its
/// sessions, its records and its log.
@Suite struct BrokerStandInTests {
    private let startPath = "/eva-broker/org/o1/env/e1/bot/b1/channel/c1/v1/conversations?test=true"
    private let goodHeaders = [
        "API-KEY": brokerKey, "OS": "Linux", "USER-REF": "me", "LOCALE": "en-US", "Content-Type": "application/json",
    ]

    private func withStandIn<T>(
        client: (id: String, secret: String)? = nil, logFile: String? = nil, _ body: (BrokerStandIn) async throws -> T
    ) async throws -> T {
        let standIn = try await BrokerStandIn.start(apiKeys: [brokerKey], client: client, logFile: logFile)
        let result: Result<T, any Error>
        do { result = .success(try await body(standIn)) } catch { result = .failure(error) }
        await standIn.shutdown()
        return try result.get()
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func urlsNameTheEphemeralPort() async throws {
        try await withStandIn { standIn in
            #expect(standIn.port > 0)
            #expect(standIn.baseURL == "http://127.0.0.1:\(standIn.port)/eva-broker")
            #expect(standIn.tokenURL == "http://127.0.0.1:\(standIn.port)/auth/token")
        }
    }

    @Test func startAnswersInTheSeedsShape() async throws {
        try await withStandIn { standIn in
            let answer = try RawHTTP.send(port: standIn.port, path: startPath, headers: goodHeaders, body: #"{"text":"hi"}"#)
            #expect(answer.status == 200)
            #expect(answer.headers["content-type"] == "application/json")
            let body = try json(answer.body)
            #expect(body["text"] as? String == "hi")
            #expect((body["sessionCode"] as? String)?.count == 36)
            #expect((body["userInteractionUUID"] as? String)?.count == 36)
            #expect((body["context"] as? [String: Any])?.isEmpty == true)
            let first = try #require((body["answers"] as? [[String: Any]])?.first)
            #expect(first["content"] as? String == "Hello! How can I help you?")
            #expect(first["type"] as? String == "TEXT")
            #expect(first["evaluable"] as? Bool == true)
            #expect(first["masked"] as? Bool == false)
            #expect(standIn.openSessions == 1)
            #expect(standIn.requests().first?.query == "test=true")
        }
    }

    @Test func continueAndCloseWorkOnKnownSessionsOnly() async throws {
        try await withStandIn { standIn in
            let started = try RawHTTP.send(port: standIn.port, path: startPath, headers: goodHeaders, body: "{}")
            let session = try #require(try json(started.body)["sessionCode"] as? String)
            let base = "/eva-broker/org/o1/env/e1/bot/b1"
            let continued = try RawHTTP.send(
                port: standIn.port, path: base + "/channel/c1/v1/conversations/\(session)", headers: goodHeaders, body: #"{"text":"more"}"#
            )
            #expect(continued.status == 200)
            #expect(try json(continued.body)["sessionCode"] as? String == session)
            let unknown = try RawHTTP.send(port: standIn.port, path: base + "/channel/c1/v1/conversations/nope", headers: goodHeaders, body: "{}")
            #expect(unknown.status == 404)
            let otherBot = try RawHTTP.send(
                port: standIn.port, path: "/eva-broker/org/o1/env/e1/bot/b2/conversations/\(session)/satisfactions",
                headers: ["API-KEY": brokerKey, "LOCALE": "en-US"], body: #"{"expireSession":true}"#
            )
            #expect(otherBot.status == 404)
            let kept = try RawHTTP.send(
                port: standIn.port, path: base + "/conversations/\(session)/satisfactions",
                headers: ["API-KEY": brokerKey, "LOCALE": "en-US"], body: #"{"evaluation":1}"#
            )
            #expect(kept.status == 200)
            #expect(standIn.openSessions == 1)
            let closed = try RawHTTP.send(
                port: standIn.port, path: base + "/conversations/\(session)/satisfactions",
                headers: ["API-KEY": brokerKey, "LOCALE": "en-US"], body: #"{"expireSession":true}"#
            )
            #expect(closed.status == 200)
            #expect(standIn.openSessions == 0)
            #expect(standIn.requests().map(\.kind) == [.start, .continue, .continue, .close, .close, .close])
        }
    }

    @Test func wrongOrMissingKeyGives401AndIsNeverStored() async throws {
        try await withStandIn { standIn in
            var headers = goodHeaders
            headers["API-KEY"] = "wrong-key"
            let wrong = try RawHTTP.send(port: standIn.port, path: startPath, headers: headers, body: "{}")
            #expect(wrong.status == 401)
            #expect(wrong.body == #"{"message":"invalid API key"}"#)
            headers["API-KEY"] = nil
            #expect(try RawHTTP.send(port: standIn.port, path: startPath, headers: headers, body: "{}").status == 401)
            #expect(standIn.requests().map(\.apiKeyValid) == [false, false])
            #expect(!String(describing: standIn.requests()).contains("wrong-key"))
        }
    }

    @Test(arguments: ["OS", "USER-REF", "LOCALE"])
    func missingRequiredHeaderGives400NamingIt(header: String) async throws {
        try await withStandIn { standIn in
            var headers = goodHeaders
            headers[header] = nil
            let answer = try RawHTTP.send(port: standIn.port, path: startPath, headers: headers, body: "{}")
            #expect(answer.status == 400)
            #expect(answer.body == #"{"message":"missing header \#(header)"}"#)
        }
    }

    @Test(arguments: ["", "not json", "[]"])
    func bodyThatIsNotAJSONObjectGives400(body: String) async throws {
        try await withStandIn { standIn in
            let answer = try RawHTTP.send(port: standIn.port, path: startPath, headers: goodHeaders, body: body)
            #expect(answer.status == 400)
            #expect(standIn.openSessions == 0)
        }
    }

    @Test func otherPathsGive404() async throws {
        try await withStandIn { standIn in
            let partial = try RawHTTP.send(port: standIn.port, path: "/eva-broker/org/o1", headers: goodHeaders, body: "{}")
            #expect(partial.status == 404)
            let token = try RawHTTP.send(port: standIn.port, path: "/auth/token", body: "grant_type=client_credentials")
            #expect(token.status == 404)
            #expect(standIn.requests().map(\.kind) == [.other, .token])
        }
    }

    @Test func tokenEndpointIssuesTokensTheBrokerChecks() async throws {
        try await withStandIn(client: (id: clientID, secret: clientSecret)) { standIn in
            let noBearer = try RawHTTP.send(port: standIn.port, path: startPath, headers: goodHeaders, body: "{}")
            #expect(noBearer.status == 401)
            let form = "grant_type=client_credentials&client_id=\(clientID)&client_secret=\(clientSecret)"
            let issued = try RawHTTP.send(
                port: standIn.port, path: "/auth/token", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: form
            )
            #expect(issued.status == 200)
            let token = try #require(try json(issued.body)["access_token"] as? String)
            #expect(try json(issued.body)["expires_in"] as? Int == 300)
            var headers = goodHeaders
            headers["Authorization"] = "Bearer \(token)"
            #expect(try RawHTTP.send(port: standIn.port, path: startPath, headers: headers, body: "{}").status == 200)
            let refused = try RawHTTP.send(port: standIn.port, path: "/auth/token", body: "grant_type=client_credentials&client_id=x&client_secret=y")
            #expect(refused.status == 401)
            #expect(try json(refused.body)["error"] as? String == "unauthorized_client")
            let requests = standIn.requests()
            #expect(requests.map(\.bearerValid) == [false, false, true, false])
            #expect(requests.map(\.clientValid) == [false, true, false, false])
            #expect(!String(describing: requests).contains(clientSecret))
            #expect(!String(describing: requests).contains(token))
        }
    }

    @Test func logFileHasOneLinePerRequest() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("broker-log-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withStandIn(logFile: path) { standIn in
            var headers = goodHeaders
            headers["x-request-id"] = "req-1"
            headers["User-Agent"] = "agent-presenced/test"
            _ = try RawHTTP.send(port: standIn.port, path: startPath, headers: headers, body: "{}")
            _ = try RawHTTP.send(port: standIn.port, path: "/nowhere")
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try json(String(lines[0]))
        #expect(first["kind"] as? String == "start")
        #expect(first["status"] as? Int == 200)
        #expect(first["request_id"] as? String == "req-1")
        #expect(first["user_agent"] as? String == "agent-presenced/test")
        #expect((first["t"] as? Double ?? 0) > 1_700_000_000)
        let second = try json(String(lines[1]))
        #expect(second["kind"] as? String == "other")
        #expect(second["request_id"] is NSNull)
    }
}
