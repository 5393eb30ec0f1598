@testable import BrokerAPI
import PresenceCore
import Testing

/// Text put into URLs and forms cannot change their structure.
@Suite struct PercentEncodingTests {
    @Test func pathSegmentEncodesEverythingButUnreserved() {
        #expect(PercentEncoding.pathSegment("abc-DEF_1.2~") == "abc-DEF_1.2~")
        #expect(PercentEncoding.pathSegment("a/b?c#d e%") == "a%2Fb%3Fc%23d%20e%25")
        #expect(PercentEncoding.pathSegment("é") == "%C3%A9")
    }

    @Test func formEncodesNamesAndValues() {
        let form = PercentEncoding.form([("grant_type", "client_credentials"), ("client_secret", "a&b=c +d")])
        #expect(form == "grant_type=client_credentials&client_secret=a%26b%3Dc%20%2Bd")
    }

    @Test func endpointsAreBuiltUnderTheBase() {
        let bot = BotSettings(
            name: "b", baseURL: "https://broker.example.com/eva-broker//", org: "o1", env: "e1", bot: "b1", channel: "c1",
            locale: "en-US"
        )
        let endpoints = BrokerEndpoints(bot: bot)
        #expect(endpoints.start == "https://broker.example.com/eva-broker/org/o1/env/e1/bot/b1/channel/c1/v1/conversations?test=true")
        #expect(endpoints.close(sessionCode: "s/1?x") == "https://broker.example.com/eva-broker/org/o1/env/e1/bot/b1/conversations/s%2F1%3Fx/satisfactions")
    }
}
