import BrevoStandIn
import BrokerAPI
import PresenceCore
import Testing

/// The Broker key, the client secret and tokens never reach a message, and a secret that would
/// break out of its header is never sent.
@Suite struct BrokerSecretsTests {
    private let secrets = [brokerKey, clientSecret, "standin-"]

    @Test(arguments: [
        BrokerFault.none, .down, .slow(.seconds(5)), .status(401), .status(461), .status(429, retryAfter: 30),
        .emptyAnswers, .unclosable, .notJSON, .huge, .wrongShape, .tokenWithoutAccessToken, .tokenHTML,
    ])
    func noOutcomeShowsASecret(fault: BrokerFault) async throws {
        for withAuth in [false, true] {
            try await withBroker(fault: fault, withAuth: withAuth) { standIn, client in
                let bot = helpbot(on: standIn, expect: "(?i)nothing like this", timeout: .milliseconds(300), withAuth: withAuth)
                let outcome = await client.probe(probeRequest(bot))
                #expect(outcome.failure != nil)
                #expect(!leaks(outcome, secrets), "\(fault) with auth \(withAuth): \(printedTexts(of: outcome))")
            }
        }
    }

    @Test func secretsEchoedByTheBotAreRedacted() async throws {
        let echo = "your key is \(brokerKey) and my secret is \(clientSecret)"
        try await withBroker(fault: .answer(echo), withAuth: true) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, expect: "(?i)hello", withAuth: true)))
            #expect(outcome.failure == .unexpectedAnswer("your key is [redacted] and my secret is [redacted]"))
            #expect(outcome.answerTexts == ["your key is [redacted] and my secret is [redacted]"])
            #expect(!leaks(outcome, secrets))
        }
    }

    @Test(arguments: ["key-with\r\nInjected: header", "key-with\nline-feed", "key-with\rreturn"])
    func keyWithALineBreakIsRefusedWithoutSending(key: String) async throws {
        try await withBroker(secrets: BrokerSecrets(apiKey: key)) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(outcome.failure == .transport(.cancelled, message: "the Broker key of bot \"helpbot\" holds a line break"))
            #expect(!leaks(outcome, ["key-with"]))
            #expect(standIn.requests().isEmpty)
        }
    }

    @Test func clientSecretWithALineBreakIsRefusedWithoutSending() async throws {
        let secrets = BrokerSecrets(apiKey: brokerKey, clientSecret: "secret\r\nmore")
        try await withBroker(withAuth: true, secrets: secrets) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn, withAuth: true)))
            #expect(outcome.failure == .transport(.cancelled, message: "the OAuth2 client secret of bot \"helpbot\" holds a line break"))
            #expect(standIn.requests().isEmpty)
        }
    }

    @Test func keyWithAControlCharacterIsRefusedWithoutSending() async throws {
        try await withBroker(secrets: BrokerSecrets(apiKey: "key\u{7}bell")) { standIn, client in
            let outcome = await client.probe(probeRequest(helpbot(on: standIn)))
            #expect(outcome.failure == .transport(.cancelled, message: "the Broker key of bot \"helpbot\" holds a control character"))
            #expect(standIn.requests().isEmpty)
        }
    }

    @Test func secretsDescribeThemselvesWithoutTheSecrets() {
        let secrets = BrokerSecrets(apiKey: brokerKey, clientSecret: clientSecret)
        for text in [String(describing: secrets), String(reflecting: secrets), "\(secrets)", dumped(secrets)] {
            #expect(!text.contains(brokerKey))
            #expect(!text.contains(clientSecret))
        }
        #expect("\(secrets)" == "BrokerSecrets(apiKey: [redacted], clientSecret: [redacted])")
        #expect("\(BrokerSecrets(apiKey: brokerKey))" == "BrokerSecrets(apiKey: [redacted], clientSecret: nil)")
    }

    private func dumped(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}
