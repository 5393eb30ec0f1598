import BrevoStandIn
import PresenceCore
import Testing

/// The stand-in command line's per-key fault values.
@Suite struct KeyFaultArgumentTests {
    private func parse(_ text: String, _ kind: KeyFaultArgument.Kind) -> KeyFaultArgument? {
        KeyFaultArgument(text, kind: kind, duration: DurationParser.parse)
    }

    @Test func refusedKeyDefaultsTo401() {
        #expect(parse("/k/b", .refused) == KeyFaultArgument(keyFile: "/k/b", fault: .refused(status: 401)))
        #expect(parse("/k/b=403", .refused) == KeyFaultArgument(keyFile: "/k/b", fault: .refused(status: 403)))
    }

    @Test func rateLimitedKeyTakesADuration() {
        #expect(parse("/k/a=30s", .rateLimited) == KeyFaultArgument(keyFile: "/k/a", fault: .rateLimited(for: .seconds(30))))
        #expect(
            parse("/k/x=y/a=1m,no-headers", .rateLimited)
                == KeyFaultArgument(keyFile: "/k/x=y/a", fault: .rateLimited(for: .seconds(60), headers: false))
        )
    }

    @Test func budgetTakesCountPerWindow() {
        let budget = FaultPlan.RateLimit(limit: 5, window: .seconds(10))
        #expect(parse("/k/a=5/10s", .budget) == KeyFaultArgument(keyFile: "/k/a", fault: .budget(budget)))
        #expect(parse("/k/a=5/10s,no-headers", .budget) == KeyFaultArgument(keyFile: "/k/a", fault: .budget(budget, headers: false)))
        #expect(parse("/k/a=0/1h", .budget)?.fault == .budget(.init(limit: 0, window: .seconds(3600))))
    }

    @Test(arguments: [
        ("", KeyFaultArgument.Kind.refused), ("=401", .refused), ("/k=200", .refused), ("/k=x", .refused),
        ("/k", .rateLimited), ("/k=30", .rateLimited), ("/k=0s", .rateLimited), ("/k=-1s", .rateLimited),
        ("/k", .budget), ("/k=5", .budget), ("/k=5/0s", .budget), ("/k=-1/10s", .budget), ("/k=a/10s", .budget),
        ("/k=5/10s/1", .budget), ("/k=5/10s,headers", .budget),
    ])
    func malformedValuesAreRefused(text: String, kind: KeyFaultArgument.Kind) {
        #expect(parse(text, kind) == nil)
    }
}
