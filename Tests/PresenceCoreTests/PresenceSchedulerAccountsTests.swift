import Testing
@testable import PresenceCore

/// Issue #11: every account-wide decision is per account, and one account's trouble never
/// moves another account's pings.
@Suite struct PresenceSchedulerAccountsTests {
    static let interval = Duration.seconds(60)
    static let accountA = "acme", accountB = "beta"

    /// The answers of an account in trouble from `from` on; every other account is healthy.
    static func trouble(_ outcome: PingOutcome, on account: String, from: MonotonicTime) -> @Sendable (PingRequest, MonotonicTime) -> PingOutcome {
        { request, now in request.account == account && now >= from ? outcome : .success() }
    }

    static let rateLimitWithReset = PingOutcome.httpError(
        status: 429, code: "too_many_requests", message: "rate limited",
        rateLimit: RateLimitInfo(limit: 100, remaining: 0, reset: .seconds(600))
    )
    static let rateLimitWithoutHeaders = PingOutcome.httpError(status: 429, code: "too_many_requests", message: "rate limited")
    static let keyRefused = PingOutcome.httpError(status: 401, code: "unauthorized", message: "Key not found")

    /// B's send times with A in trouble from the third interval on, and without any trouble.
    static func beta(under outcome: PingOutcome) -> (faulty: [MonotonicTime], clean: [MonotonicTime], aDuringTrouble: Int, harness: SchedulerHarness) {
        let config = Rosters.accountsConfig([accountA, accountB], perAccount: 50)
        let faulty = SchedulerHarness(config, seed: 9)
        let from = faulty.start + interval * 3
        faulty.transport.answer = trouble(outcome, on: accountA, from: from)
        faulty.run(for: interval * 8)
        let clean = SchedulerHarness(config, seed: 9)
        clean.run(for: interval * 8)
        let times = { (harness: SchedulerHarness) in harness.transport.sent.filter { $0.request.account == accountB }.map(\.at) }
        let aDuring = faulty.transport.sent.filter { $0.request.account == accountA && $0.at > from + .seconds(5) && $0.at < from + interval * 2 }.count
        return (times(faulty), times(clean), aDuring, faulty)
    }

    @Test(arguments: [rateLimitWithReset, rateLimitWithoutHeaders, keyRefused])
    func troubleOnOneAccountLeavesTheOthersPingTimesIdentical(outcome: PingOutcome) {
        let run = Self.beta(under: outcome)
        #expect(run.faulty.count == 50 * 8 || run.faulty.count >= 50 * 7)
        #expect(run.faulty == run.clean, "account beta's pings moved: \(run.faulty.count) vs \(run.clean.count)")
        #expect(run.aDuringTrouble <= 1, "account acme kept pinging while held: \(run.aDuringTrouble)")
        let accounts = run.harness.scheduler.accounts
        #expect(accounts.map(\.name) == [Self.accountA, Self.accountB])
        #expect(accounts[0].gate.pause != nil)
        #expect(accounts[1].gate.pause == nil)
        let betaStates = run.harness.scheduler.snapshot().filter { $0.accountIndex == 1 }.map(\.state)
        #expect(betaStates.allSatisfy { $0 == .online })
        let acmeStates = run.harness.scheduler.snapshot().filter { $0.accountIndex == 0 }.map(\.state)
        #expect(acmeStates.allSatisfy { $0 == .paused || $0 == .lapsed })
    }

    @Test func eachRequestCarriesItsAccountAndItsAccountsReceivedFromTag() {
        var config = Rosters.accountsConfig([Self.accountA, Self.accountB], perAccount: 3)
        config.accounts[0].brevo.receivedFrom = "acme-tag"
        let harness = SchedulerHarness(config)
        harness.run(for: Self.interval)
        let byAccount = Dictionary(grouping: harness.transport.sent, by: \.request.account)
        #expect(Set(byAccount[Self.accountA]?.map(\.key) ?? []).count == 3)
        #expect(Set(byAccount[Self.accountB]?.map(\.key) ?? []).count == 3)
        #expect(byAccount[Self.accountA]?.allSatisfy { $0.request.receivedFrom == "acme-tag" } == true)
        #expect(byAccount[Self.accountB]?.allSatisfy { $0.request.receivedFrom == nil } == true)
        #expect(byAccount[Self.accountA]?.allSatisfy { $0.key.rawValue.hasPrefix("acme/id:acme-") } == true)
    }

    @Test func eachAccountPlansItsOwnBudget() {
        // Two agents at 60 s cost 120/h: over the 90/h a 100/h budget leaves after retries, so
        // acme stretches to 80 s; beta has no budget and keeps 60 s.
        let config = Rosters.accountsConfig([Self.accountA, Self.accountB], perAccount: 2, budgets: [Self.accountA: 100])
        let harness = SchedulerHarness(config)
        let plans = harness.scheduler.accounts.map(\.plan)
        #expect(plans[0].interval == .seconds(80) && plans[0].stretched)
        #expect(plans[1].interval == Self.interval && !plans[1].stretched)
        harness.run(for: .seconds(600))
        let acme = harness.transport.sent.filter { $0.request.account == Self.accountA }.count
        let beta = harness.transport.sent.filter { $0.request.account == Self.accountB }.count
        #expect(acme <= 2 * (600 / 80 + 1), "acme sent \(acme) in 10 minutes")
        #expect(beta >= 2 * 9, "beta sent \(beta) in 10 minutes")
    }

    @Test func aReloadAddsAndRemovesAccountsLeavingTheKeptOnesCadenceAlone() {
        let before = Rosters.accountsConfig([Self.accountA, Self.accountB], perAccount: 20)
        let after = Rosters.accountsConfig([Self.accountB, "gamma"], perAccount: 20)
        let reloaded = SchedulerHarness(before, seed: 4)
        let untouched = SchedulerHarness(Rosters.accountsConfig([Self.accountB], perAccount: 20), seed: 4)
        reloaded.run(for: Self.interval * 3 + .seconds(17))
        let reloadAt = reloaded.timeline.now
        let change = reloaded.scheduler.apply(after)
        reloaded.run(for: Self.interval * 8)
        untouched.run(for: Self.interval * 8)

        #expect(change.addedAccounts == ["gamma"] && change.removedAccounts == [Self.accountA])
        #expect(change.added.count == 20 && change.removed.count == 20 && change.kept == 20)
        let beta = { (harness: SchedulerHarness) in harness.transport.sent.filter { $0.request.account == Self.accountB }.map(\.at) }
        #expect(beta(reloaded) == beta(untouched), "beta's cadence changed across the reload")
        let acmeAfter = reloaded.transport.sent.filter { $0.request.account == Self.accountA && $0.at > reloadAt }
        #expect(acmeAfter.isEmpty, "a removed account's agents still pinged")
        let gamma = reloaded.transport.sent.filter { $0.request.account == "gamma" }
        let firsts = Dictionary(grouping: gamma, by: \.key).values.compactMap { $0.map(\.at).min() }
        #expect(firsts.count == 20)
        #expect(firsts.allSatisfy { $0 - reloadAt <= .seconds(3) }, "gamma's first pings are not within the startup spread")
        #expect(Set(firsts).count == 20, "gamma's first pings fired together")
        #expect(reloaded.scheduler.accounts.map(\.name) == [Self.accountB, "gamma"])
    }

    @Test func aKeptAccountKeepsItsPauseAcrossAReload() {
        let config = Rosters.accountsConfig([Self.accountA, Self.accountB], perAccount: 5)
        let harness = SchedulerHarness(config)
        harness.transport.answer = Self.trouble(Self.rateLimitWithReset, on: Self.accountA, from: harness.start)
        harness.run(for: .seconds(30))
        #expect(harness.scheduler.accounts[0].stateName == "rate_limited")
        var reordered = Rosters.accountsConfig([Self.accountB, Self.accountA], perAccount: 5)
        reordered.agents.append(AgentSpec(identity: .id("late"), account: Self.accountA))
        harness.scheduler.apply(reordered)
        let names = harness.scheduler.accounts.map(\.name)
        #expect(names == [Self.accountB, Self.accountA])
        #expect(harness.scheduler.accounts[1].stateName == "rate_limited")
        #expect(harness.scheduler.accounts[0].stateName == "active")
        let reloadAt = harness.timeline.now
        harness.run(for: .seconds(300))
        let acme = harness.transport.sent.filter { $0.request.account == Self.accountA && $0.at > reloadAt && $0.at < reloadAt + .seconds(500) }
        #expect(acme.count <= 1, "the paused account pinged \(acme.count) times after the reload")
    }

    @Test func theStatusLineNamesHeldAccounts() {
        let config = Rosters.accountsConfig([Self.accountA, Self.accountB], perAccount: 2)
        let harness = SchedulerHarness(config)
        harness.transport.answer = Self.trouble(Self.keyRefused, on: Self.accountA, from: harness.start)
        harness.run(for: .seconds(30))
        let line = StatusLine.text(summary: harness.scheduler.summary, accounts: harness.scheduler.accounts, namesAccounts: true)
        #expect(line == "4 agents in 2 accounts: 2 online, 2 paused (acme: key refused)")
    }
}

/// A reload is when an operator fixes a refused key: the account's probe goes at its next tick.
@Suite struct PresenceSchedulerAccountReloadProbeTests {
    @Test func aReloadLetsARefusedAccountProbeAtOnceInsteadOfMinutesLater() {
        let config = Rosters.accountsConfig(["acme", "beta"], perAccount: 3)
        let harness = SchedulerHarness(config)
        let fixed = Box(false)
        harness.transport.answer = { request, _ in
            request.account == "acme" && !fixed.value ? PresenceSchedulerAccountsTests.keyRefused : .success()
        }
        harness.run(for: .seconds(70))
        #expect(harness.scheduler.accounts[0].stateName == "paused")
        fixed.value = true
        let reloadAt = harness.timeline.now
        harness.scheduler.apply(config)
        harness.run(for: .seconds(70) + .seconds(65))
        let acme = harness.transport.sent.filter { $0.request.account == "acme" && $0.at > reloadAt }
        let firstProbe = acme.map(\.at).min()
        #expect(firstProbe.map { $0 - reloadAt <= .seconds(62) } == true, "no probe within an interval of the reload")
        #expect(harness.scheduler.accounts[0].stateName == "active")
        #expect(harness.scheduler.snapshot().filter { $0.accountIndex == 0 }.allSatisfy { $0.state == .online })
    }
}

/// Ticks that waited for a free request slot ask their account's gate again before they go.
@Suite struct PresenceSchedulerAccountQueueTests {
    @Test func ticksQueuedBehindMaxInFlightStayHeldWhenTheirAccountIsPausedMeanwhile() {
        var config = Rosters.accountsConfig(["acme", "beta"], perAccount: 20)
        config.ping.maxInFlight = 1
        let harness = SchedulerHarness(config)
        harness.transport.latency = .seconds(1)
        harness.transport.answer = PresenceSchedulerAccountsTests.trouble(
            PresenceSchedulerAccountsTests.rateLimitWithReset, on: "acme", from: harness.start
        )
        harness.run(for: .seconds(30))
        let acme = harness.transport.sent.filter { $0.request.account == "acme" }
        #expect(acme.count == 1, "\(acme.count) acme requests after its first 429 was answered")
        #expect(harness.scheduler.accounts[0].stateName == "rate_limited")
        #expect(harness.transport.sent.contains { $0.request.account == "beta" })
    }
}
