import HTTPTestSupport
import BrevoStandIn
import Foundation
import Testing

/// The stand-in itself, poked with a plain socket client: Brevo's checks, records, the log.
@Suite struct BrevoStandInTests {
    private let goodHeaders = ["api-key": testKey, "Content-Type": "application/json"]

    private func withStandIn<T>(
        faults: FaultPlan = .none, logFile: String? = nil, _ body: (BrevoStandIn) async throws -> T
    ) async throws -> T {
        try await withBareStandIn(faults: faults, logFile: logFile, body)
    }

    @Test func baseURLNamesTheEphemeralPort() async throws {
        try await withStandIn { standIn in
            #expect(standIn.port > 0)
            #expect(standIn.baseURL == "http://127.0.0.1:\(standIn.port)/v3")
        }
    }

    @Test func missingKeyGives401AndIsNeverStored() async throws {
        try await withStandIn { standIn in
            let answer = try RawHTTP.send(port: standIn.port, body: #"{"agentId":"a"}"#)
            #expect(answer.status == 401)
            #expect(answer.body == #"{"code":"unauthorized","message":"Key not found"}"#)
            #expect(answer.headers["sib-request-id"]?.count == 36)
            let wrong = try RawHTTP.send(port: standIn.port, headers: ["api-key": "nope"], body: #"{"agentId":"a"}"#)
            #expect(wrong.status == 401)
            #expect(standIn.requests.map(\.apiKeyValid) == [false, false])
            #expect(!String(describing: standIn.requests).contains(testKey))
        }
    }

    @Test(arguments: [
        "", "[]", "not json", #"{}"#, #"{"agentId":""}"#, #"{"agentId":42}"#,
        #"{"agentEmail":"a@b.c","agentName":"A"}"#, #"{"agentEmail":"a@b.c","receivedFrom":"x"}"#,
    ])
    func badBodiesGive400(body: String) async throws {
        try await withStandIn { standIn in
            let answer = try RawHTTP.send(port: standIn.port, headers: goodHeaders, body: body)
            #expect(answer.status == 400)
            #expect(answer.body.contains(#""code":"missing_parameter""#))
        }
    }

    @Test(arguments: [
        #"{"agentId":"a"}"#, #"{"agentId":"a","receivedFrom":"x"}"#,
        #"{"agentEmail":"a@b.c","agentName":"A","receivedFrom":"x"}"#,
    ])
    func goodBodiesGive201WithEmptyBody(body: String) async throws {
        try await withStandIn { standIn in
            let answer = try RawHTTP.send(port: standIn.port, headers: goodHeaders, body: body)
            #expect(answer.status == 201)
            #expect(answer.body.isEmpty)
        }
    }

    @Test func otherPathsGive404AndOtherMethods405() async throws {
        try await withStandIn { standIn in
            let missing = try RawHTTP.send(port: standIn.port, path: "/v3/contacts", headers: goodHeaders, body: "{}")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "application/json")
            let get = try RawHTTP.send(port: standIn.port, method: "GET", headers: goodHeaders)
            #expect(get.status == 405)
        }
    }

    @Test func oversizedBodyGives413() async throws {
        try await withStandIn { standIn in
            let body = #"{"agentId":""# + String(repeating: "x", count: 70_000) + #""}"#
            let answer = try RawHTTP.send(port: standIn.port, headers: goodHeaders, body: body)
            #expect(answer.status == 413)
            #expect(standIn.requests.first?.status == 413)
        }
    }

    @Test func fixedWindowCountsRealRequests() async throws {
        try await withStandIn(faults: FaultPlan(rateLimit: .init(limit: 3, window: .seconds(3600)))) { standIn in
            var statuses: [Int] = []
            var remaining: [String] = []
            for _ in 0..<5 {
                let answer = try RawHTTP.send(port: standIn.port, headers: goodHeaders, body: #"{"agentId":"a"}"#)
                statuses.append(answer.status)
                remaining.append(answer.headers["x-sib-ratelimit-remaining"] ?? "-")
                #expect(answer.headers["x-sib-ratelimit-limit"] == "3")
                #expect(Int(answer.headers["x-sib-ratelimit-reset"] ?? "") ?? 0 > 0)
            }
            #expect(statuses == [201, 201, 201, 429, 429])
            #expect(remaining == ["2", "1", "0", "0", "0"])
            // A new plan starts a new window.
            standIn.setFaults(FaultPlan(rateLimit: .init(limit: 3, window: .seconds(3600))))
            let fresh = try RawHTTP.send(port: standIn.port, headers: goodHeaders, body: #"{"agentId":"a"}"#)
            #expect(fresh.status == 201)
        }
    }

    @Test func seededFailureRateRepeats() async throws {
        func run() async throws -> [Int] {
            try await withStandIn(faults: FaultPlan(failureRate: 0.5, seed: 7)) { standIn in
                try (0..<20).map { _ in
                    try RawHTTP.send(port: standIn.port, headers: goodHeaders, body: #"{"agentId":"a"}"#).status
                }
            }
        }
        let first = try await run()
        #expect(first == (try await run()))
        #expect(first.contains(201) && first.contains(503))
    }

    @Test func recordsAndClearsRequests() async throws {
        try await withStandIn { standIn in
            _ = try RawHTTP.send(port: standIn.port, headers: goodHeaders, body: #"{"agentEmail":"a@b.c","agentName":"A","receivedFrom":"x"}"#)
            let record = try #require(standIn.requests.first)
            #expect(record.agentEmail == "a@b.c")
            #expect(record.agentName == "A")
            #expect(record.agent == "a@b.c")
            #expect(record.monotonicNanoseconds > 0)
            #expect(abs(record.receivedAt.timeIntervalSinceNow) < 3600)
            standIn.clearRequests()
            #expect(standIn.requests.isEmpty)
        }
    }

    @Test func logFileHasOneJSONLinePerRequest() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("standin-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withStandIn(logFile: path) { standIn in
            let named = goodHeaders.merging(["User-Agent": "agent-presenced/0.2.0 (node web-1)"]) { $1 }
            _ = try RawHTTP.send(port: standIn.port, headers: named, body: #"{"agentId":"ag1"}"#)
            _ = try RawHTTP.send(port: standIn.port, body: #"{"agentEmail":"a@b.c","agentName":"A","receivedFrom":"x"}"#)
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects[0]?["agent"] as? String == "ag1")
        #expect(objects[0]?["status"] as? Int == 201)
        #expect(objects[1]?["agent"] as? String == "a@b.c")
        #expect(objects[1]?["status"] as? Int == 401)
        // Which daemon (which node of a cluster) sent each request.
        #expect(objects[0]?["user_agent"] as? String == "agent-presenced/0.2.0 (node web-1)")
        #expect(objects[1]?["user_agent"] is NSNull)
        #expect((objects[0]?["t"] as? Double ?? 0) > 1_600_000_000)
        #expect(lines[0].contains(#/"t":\d+\.\d{3},/#))
    }

    @Test func shutdownClosesHungConnectionsAndIsIdempotent() async throws {
        let standIn = try await BrevoStandIn.start(apiKey: testKey, faults: FaultPlan(connection: .hang))
        let port = standIn.port
        let pending = Task.detached { try? RawHTTP.send(port: port, headers: ["api-key": testKey], body: #"{"agentId":"a"}"#) }
        while standIn.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        try await standIn.shutdown()
        try await standIn.shutdown()
        // The hung exchange ends (without an answer) once the stand-in is gone.
        #expect(await pending.value == nil)
    }
}
