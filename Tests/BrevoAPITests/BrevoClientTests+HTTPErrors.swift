import BrevoAPI
import BrevoStandIn
import PresenceCore
import Testing

/// HTTP error answers: status, Brevo's code and message, rate-limit headers, odd bodies.
extension BrevoClientTests {
    @Test func wrongKeyGives401WithBrevoCode() async throws {
        try await withStandIn(apiKey: "xkeysib-wrong-key-000000") { _, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.errorClass == .http)
            #expect(outcome.status == 401)
            #expect(outcome.brevoCode == "unauthorized")
            #expect(outcome.message == "Key not found")
            #expect(outcome.requestID?.isEmpty == false)
            #expect(FailureDisposition(outcome) == .accountRefused)
            #expect(!leaksKey(outcome, "xkeysib-wrong-key-000000"))
        }
    }

    @Test func emptyAgentIdGives400() async throws {
        try await withStandIn { standIn, client in
            let outcome = await client.agentOnlinePing(PingRequest(identity: .id("")))
            #expect(outcome.status == 400)
            #expect(outcome.brevoCode == "missing_parameter")
            #expect(outcome.message?.isEmpty == false)
            #expect(FailureDisposition(outcome) == .agentRejected)
            #expect(standIn.requests.first?.status == 400)
        }
    }

    @Test(arguments: [500, 502, 503])
    func serverErrorsAreDecoded(status: Int) async throws {
        try await withStandIn(faults: FaultPlan(failureRate: 1, failureStatus: status)) { _, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.errorClass == .http)
            #expect(outcome.status == status)
            #expect(outcome.brevoCode == "internal_error")
            #expect(FailureDisposition(outcome) == .retryable)
        }
    }

    @Test func rateLimitGives429WithSibHeaders() async throws {
        let plan = FaultPlan(rateLimit: .init(limit: 2, window: .seconds(3600)), retryAfter: .init(form: .seconds))
        try await withStandIn(faults: plan) { _, client in
            let first = await client.agentOnlinePing(alice)
            let second = await client.agentOnlinePing(alice)
            let third = await client.agentOnlinePing(alice)
            #expect(first.isSuccess && second.isSuccess)
            #expect(first.rateLimit.limit == 2)
            #expect(first.rateLimit.remaining == 1)
            #expect(second.rateLimit.remaining == 0)
            #expect(first.rateLimit.retryAfter == nil)
            #expect(third.status == 429)
            #expect(third.brevoCode == "too_many_requests")
            #expect(third.rateLimit.remaining == 0)
            let reset = try #require(third.rateLimit.reset)
            #expect(reset > .zero && reset <= .seconds(3600))
            let retryAfter = try #require(third.rateLimit.retryAfter)
            #expect(retryAfter > .zero && retryAfter <= .seconds(3600))
            #expect(FailureDisposition(third) == .rateLimited)
        }
    }

    @Test func retryAfterSecondsForm() async throws {
        let plan = FaultPlan(rateLimit: .init(limit: 0, window: .seconds(60)), retryAfter: .init(form: .seconds, delay: .seconds(42)))
        try await withStandIn(faults: plan) { _, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.status == 429)
            #expect(outcome.rateLimit.retryAfter == .seconds(42))
        }
    }

    @Test func retryAfterHTTPDateFormIsRelativeToDateHeader() async throws {
        let plan = FaultPlan(rateLimit: .init(limit: 0, window: .seconds(60)), retryAfter: .init(form: .httpDate, delay: .seconds(120)))
        try await withStandIn(faults: plan) { _, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.status == 429)
            #expect(outcome.rateLimit.retryAfter == .seconds(120))
        }
    }

    @Test func outageSpanAnswersItsStatusWithRetryAfter() async throws {
        let plan = FaultPlan(retryAfter: .init(form: .seconds), outages: [.init(status: 503, until: .seconds(600))])
        try await withStandIn(faults: plan) { standIn, client in
            let down = await client.agentOnlinePing(alice)
            #expect(down.status == 503)
            let retryAfter = try #require(down.rateLimit.retryAfter)
            #expect(retryAfter > .zero && retryAfter <= .seconds(600))

            standIn.setFaults(FaultPlan(outages: [.init(status: 401, from: .seconds(3600), until: .seconds(7200))]))
            #expect(await client.agentOnlinePing(alice).isSuccess)
        }
    }

    @Test func htmlErrorPageIsToleratedAsText() async throws {
        try await withStandIn(faults: FaultPlan(failureRate: 1, failureStatus: 502, errorBody: .html)) { _, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.status == 502)
            #expect(outcome.brevoCode == nil)
            let message = try #require(outcome.message)
            #expect(message.contains("502 Bad Gateway"))
            #expect(!message.contains("\n"))
            #expect(message.count <= 200)
        }
    }

    @Test func hugeErrorBodyIsReadBoundedAndStillReportsStatus() async throws {
        let plan = FaultPlan(failureRate: 1, failureStatus: 500, errorBody: .huge(bytes: 2_000_000))
        try await withStandIn(faults: plan) { standIn, client in
            let outcome = await client.agentOnlinePing(alice)
            #expect(outcome.errorClass == .http)
            #expect(outcome.status == 500)
            #expect((outcome.message?.count ?? 0) <= 200)
            #expect(outcome.message?.hasPrefix("error 500") == true)
            // The cut connection is not reused: the next ping still works.
            standIn.setFaults(.none)
            #expect(await client.agentOnlinePing(alice).isSuccess)
            let connections = standIn.requests.map(\.connection)
            #expect(connections.count == 2 && connections[0] != connections[1])
        }
    }
}
