import BrevoStandIn
import Testing

/// Reading `--broker-fault` and the run-time control's body.
@Suite struct BrokerFaultArgumentTests {
    @Test(arguments: [
        ("none", BrokerFault.none),
        ("down", .down),
        ("slow=2s", .slow(.seconds(2))),
        ("slow=1500ms", .slow(.milliseconds(1500))),
        ("slow=0.5s", .slow(.milliseconds(500))),
        ("slow=1m", .slow(.seconds(60))),
        ("status=461", .status(461)),
        ("status=500", .status(500)),
        ("status=429,retry-after=30", .status(429, retryAfter: 30)),
        ("empty-answers", .emptyAnswers),
        ("answer=Sorry, we are closed", .answer("Sorry, we are closed")),
        ("answer=a=b", .answer("a=b")),
        ("answer=", .answer("")),
        ("unclosable", .unclosable),
        ("not-json", .notJSON),
        ("huge", .huge),
        ("wrong-shape", .wrongShape),
        ("token-no-access-token", .tokenWithoutAccessToken),
        ("token-html", .tokenHTML),
    ])
    func specsAreRead(spec: String, fault: BrokerFault) {
        #expect(BrokerFault(argument: spec) == fault)
        #expect(BrokerFault(argument: fault.argument) == fault)
    }

    @Test(arguments: [
        "", "bogus", "down=1", "none=x", "slow", "slow=", "slow=2", "slow=xs", "slow=-1s", "status", "status=",
        "status=abc", "status=99", "status=600", "status=429,retry-after=", "status=429,retry-after=-1",
        "status=429,retry=30", "status=429,retry-after=30,x", "answer", "huge=1", "Down",
    ])
    func malformedSpecsAreRefused(spec: String) {
        #expect(BrokerFault(argument: spec) == nil)
    }
}
