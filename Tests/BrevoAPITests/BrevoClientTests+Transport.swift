import BrevoAPI
import BrevoStandIn
import PresenceCore
import Testing

/// Failures without an HTTP answer: timeouts, dropped connections, nothing listening.
extension BrevoClientTests {
    @Test func hungServerGivesTimeout() async throws {
        try await withStandIn(faults: FaultPlan(connection: .hang), timeout: .milliseconds(300)) { standIn, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.errorClass == .timeout)
            #expect(outcome.status == nil)
            #expect(FailureDisposition(outcome) == .retryable)
            #expect(standIn.requests.first?.status == nil)
        }
    }

    @Test func latencyIsAddedBeforeTheAnswer() async throws {
        try await withStandIn(faults: FaultPlan(latency: .milliseconds(20))) { _, client in
            #expect(await client.agentOnlinePing(alice).isSuccess)
        }
        try await withStandIn(faults: FaultPlan(latency: .seconds(30)), timeout: .milliseconds(300)) { _, client in
            #expect(await client.agentOnlinePing(alice).errorClass == .timeout)
        }
    }

    @Test func tricklingBodyGivesTimeout() async throws {
        let plan = FaultPlan(failureRate: 1, trickle: .init(chunkSize: 1, interval: .milliseconds(100)))
        try await withStandIn(faults: plan, timeout: .milliseconds(300)) { _, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.errorClass == .timeout)
        }
    }

    @Test func slowButCompleteTrickleIsRead() async throws {
        let plan = FaultPlan(failureRate: 1, errorBody: .huge(bytes: 40), trickle: .init(chunkSize: 10, interval: .milliseconds(5)))
        try await withStandIn(faults: plan) { _, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.status == 503)
            #expect(outcome.message == "error 503: this body is deliberately hug")
        }
    }

    @Test(arguments: [FaultPlan.ConnectionFault.close, .reset])
    func droppedConnectionGivesConnectionClosed(fault: FaultPlan.ConnectionFault) async throws {
        try await withStandIn(faults: FaultPlan(connection: fault)) { standIn, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.errorClass == .connectionClosed)
            #expect(outcome.status == nil)
            #expect(standIn.requests.count == 1)
        }
    }

    @Test func nothingListeningGivesConnect() async throws {
        let standIn = try await BrevoStandIn.start(apiKey: testKey)
        let baseURL = standIn.baseURL
        try await standIn.shutdown()
        let client = BrevoClient(baseURL: baseURL, apiKey: testKey, timeout: .seconds(5))
        let outcome = await client.agentOnlinePing(alice)
        await client.shutdown()
        #expect(outcome.errorClass == .connect)
        #expect(outcome.status == nil)
    }

    @Test func invalidBaseURLIsNotSent() async throws {
        let client = BrevoClient(baseURL: "not a url", apiKey: testKey, timeout: .seconds(1))
        let outcome = await client.agentOnlinePing(alice)
        await client.shutdown()
        #expect(outcome.errorClass == .cancelled)
    }

    @Test func keyNeverAppearsInAnyOutcome() async throws {
        let plans: [FaultPlan] = [
            .none,
            FaultPlan(failureRate: 1, failureStatus: 503),
            FaultPlan(failureRate: 1, errorBody: .html),
            FaultPlan(failureRate: 1, errorBody: .huge(bytes: 100_000)),
            FaultPlan(rateLimit: .init(limit: 0, window: .seconds(60)), retryAfter: .init(form: .httpDate)),
            FaultPlan(connection: .hang),
            FaultPlan(connection: .close),
            FaultPlan(connection: .reset),
            FaultPlan(outages: [.init(status: 401, until: .seconds(60))]),
        ]
        for plan in plans {
            try await withStandIn(faults: plan, timeout: .milliseconds(300)) { _, client in
                let outcome = await client.agentOnlinePing(alice)
                #expect(!leaksKey(outcome, testKey))
            }
        }
        let badKey = "xkeysib-bad\r\nInjected: header"
        let client = BrevoClient(baseURL: "http://127.0.0.1:9/v3", apiKey: badKey, timeout: .milliseconds(300))
        let outcome = await client.agentOnlinePing(alice)
        await client.shutdown()
        #expect(outcome.errorClass != nil)
        #expect(!leaksKey(outcome, "xkeysib-bad"))
    }

    @Test func transportReportsThroughCompletion() async throws {
        try await withStandIn { standIn, client in
            let transport = BrevoPingTransport(client: client)
            let outcome = await withCheckedContinuation { continuation in
                transport.send(alice) { continuation.resume(returning: $0) }
            }
            #expect(outcome.isSuccess)
            #expect(standIn.requests.count == 1)
        }
    }
}
