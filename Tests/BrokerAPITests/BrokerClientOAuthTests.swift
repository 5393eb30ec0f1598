import BrevoStandIn
import BrokerAPI
import PresenceCore
import Testing

/// Bots behind OAuth2 client credentials: the token is fetched, reused, refreshed, and a token
/// endpoint's failures are `.token`.
@Suite struct BrokerClientOAuthTests {
    @Test func tokenIsFetchedOnceAndReused() async throws {
        try await withBroker(withAuth: true) { standIn, client in
            for index in 0..<3 {
                let outcome = await client.probe(probeRequest(helpbot(on: standIn, withAuth: true), id: "t\(index)"))
                #expect(outcome.isHealthy)
                #expect(outcome.sessionClosed == true)
            }
            let requests = standIn.requests()
            let tokens = requests.filter { $0.kind == .token }
            #expect(tokens.count == 1)
            #expect(tokens.first?.clientID == clientID)
            #expect(tokens.first?.clientValid == true)
            #expect(tokens.first?.userAgent == testUserAgent)
            #expect(tokens.first?.contentType == "application/x-www-form-urlencoded")
            #expect(tokens.first?.status == 200)
            let broker = requests.filter { $0.kind != .token }
            #expect(broker.count == 6)
            #expect(broker.allSatisfy { $0.bearerValid && $0.apiKeyValid && $0.status == 200 })
            #expect(standIn.openSessions == 0)
        }
    }

    @Test func refusedCachedTokenIsRefreshedOnceAndTheStartRetried() async throws {
        try await withBroker(withAuth: true) { standIn, client in
            let bot = helpbot(on: standIn, withAuth: true)
            #expect(await client.probe(probeRequest(bot)).isHealthy)
            standIn.revokeTokens()
            let outcome = await client.probe(probeRequest(bot))
            #expect(outcome.isHealthy)
            #expect(outcome.sessionClosed == true)
            let kinds = standIn.requests().map(\.kind)
            #expect(kinds == [.token, .start, .close, .start, .token, .start, .close])
            let statuses = standIn.requests().map(\.status)
            #expect(statuses == [200, 200, 200, 401, 200, 200, 200])
            // The fresh token is cached in turn.
            #expect(await client.probe(probeRequest(bot)).isHealthy)
            #expect(standIn.requests().filter { $0.kind == .token }.count == 2)
        }
    }

    @Test func freshTokenRefusedIsNotRetried() async throws {
        // The stand-in only accepts its own tokens; a token refused right after it was
        // fetched is the Broker's verdict, not a stale token.
        try await withBroker(withAuth: true) { standIn, client in
            let other = try await BrokerStandIn.start(apiKeys: [brokerKey], client: (id: clientID, secret: clientSecret))
            var bot = helpbot(on: standIn, withAuth: true)
            bot.auth?.tokenURL = other.tokenURL
            let outcome = await client.probe(probeRequest(bot))
            let tokenRequests = other.requests().count
            await other.shutdown()
            #expect(outcome.failure == .http(status: 401, message: "missing, unknown or expired bearer token"))
            #expect(tokenRequests == 1)
            #expect(standIn.requests().map(\.kind) == [.start])
        }
    }

    @Test func expiredTokenIsReplacedBeforeUse() async throws {
        try await withBroker(withAuth: true, tokenLifetime: .seconds(1)) { standIn, client in
            let bot = helpbot(on: standIn, withAuth: true)
            #expect(await client.probe(probeRequest(bot)).isHealthy)
            try await Task.sleep(for: .milliseconds(1100))
            #expect(await client.probe(probeRequest(bot)).isHealthy)
            let requests = standIn.requests()
            #expect(requests.filter { $0.kind == .token }.count == 2)
            #expect(requests.allSatisfy { $0.status == 200 })
        }
    }

    @Test func tokenAnswerWithoutAccessTokenIsATokenFailure() async throws {
        try await withBroker(fault: .tokenWithoutAccessToken, withAuth: true) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, withAuth: true)))
            #expect(outcome.failure == .token("the token endpoint's answer has no access_token"))
            #expect(outcome.failure?.summary == "token: the token endpoint's answer has no access_token")
            #expect(standIn.requests().map(\.kind) == [.token])
        }
    }

    @Test func tokenAnswerInHTMLIsATokenFailure() async throws {
        try await withBroker(fault: .tokenHTML, withAuth: true) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, withAuth: true)))
            #expect(outcome.failure == .token("the token endpoint's answer is not JSON"))
        }
    }

    @Test func wrongClientSecretIsATokenFailureWithTheEndpointsReason() async throws {
        let secrets = BrokerSecrets(apiKey: brokerKey, clientSecret: "not-the-client-secret")
        try await withBroker(withAuth: true, secrets: secrets) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, withAuth: true)))
            let expected = "the token endpoint answered HTTP 401: unauthorized_client: Invalid client or Invalid client credentials"
            #expect(outcome.failure == .token(expected))
            #expect(standIn.requests().first?.clientValid == false)
        }
    }

    @Test func unreachableTokenEndpointIsATokenFailure() async throws {
        try await withBroker(withAuth: true) { standIn, client in
            var bot = helpbot(on: standIn, withAuth: true)
            bot.auth?.tokenURL = "http://127.0.0.1:9/auth/token"
            let outcome = await client.probe(probeRequest(bot))
            guard case .token(let why) = outcome.failure else {
                Issue.record("expected a token failure, got \(String(describing: outcome.failure))")
                return
            }
            #expect(why.hasPrefix("no answer from the token endpoint (connect: "))
            #expect(standIn.requests().isEmpty)
        }
    }

    @Test func changedClientSecretDropsTheCachedToken() async throws {
        try await withBroker(withAuth: true) { standIn, client in
            let bot = helpbot(on: standIn, withAuth: true)
            #expect(await client.probe(probeRequest(bot)).isHealthy)
            client.updateSecrets(["helpbot": BrokerSecrets(apiKey: brokerKey, clientSecret: "rotated-secret-0000")])
            let outcome = await client.probe(probeRequest(bot))
            guard case .token = outcome.failure else {
                Issue.record("expected a token failure, got \(String(describing: outcome.failure))")
                return
            }
            #expect(standIn.requests().filter { $0.kind == .token }.count == 2)
        }
    }
}
