import PresenceCore
import Testing

@Suite struct LeaseKeeperTests {
    let t0 = MonotonicTime(nanoseconds: 1_000_000_000_000)
    let lease = Duration.seconds(30)

    func at(_ seconds: Double) -> MonotonicTime { t0 + .milliseconds(Int64(seconds * 1000)) }

    @Test func aNewKeeperIsAStandbyThatMayNotPing() {
        let keeper = LeaseKeeper(lease: lease, policy: .stop)
        #expect(keeper.role == .standby)
        #expect(!keeper.mayPing(at: t0))
        #expect(keeper.nextAttempt(after: t0) == t0 + .seconds(3))
    }

    @Test func aHeldLeaseIsGoodFromTheRenewalsSendTimeNotItsAnswer() {
        var keeper = LeaseKeeper(lease: lease, policy: .stop)
        #expect(keeper.record(.held(epoch: 4, remaining: lease), sentAt: at(0), now: at(2), node: "a") == .gained(epoch: 4))
        #expect(keeper.fenceAt == at(29.5))
        #expect(keeper.mayPing(at: at(29.4)))
        #expect(!keeper.mayPing(at: at(29.5)))
        #expect(keeper.nextAttempt(after: at(0)) == at(10))
        // A renewal in the same epoch changes nothing but the deadline.
        #expect(keeper.record(.held(epoch: 4, remaining: lease), sentAt: at(10), now: at(10.1), node: "a") == nil)
        #expect(keeper.fenceAt == at(39.5))
    }

    @Test func anAnswerThatArrivesAfterItsLeaseRenewsNothing() {
        var keeper = LeaseKeeper(lease: lease, policy: .stop)
        _ = keeper.record(.held(epoch: 1, remaining: lease), sentAt: at(0), now: at(0.1), node: "a")
        #expect(keeper.record(.held(epoch: 1, remaining: lease), sentAt: at(10), now: at(41), node: "a") == .lost(reason: "the renewal answered too late"))
        #expect(!keeper.mayPing(at: at(41)))
    }

    @Test func aLeaderThatSeesAnotherHolderLosesAtOnce() {
        var keeper = LeaseKeeper(lease: lease, policy: .keep)
        _ = keeper.record(.held(epoch: 1, remaining: lease), sentAt: at(0), now: at(0.1), node: "a")
        let change = keeper.record(.heldByOther(holder: "b", epoch: 2, remaining: lease, sameNode: false), sentAt: at(10), now: at(10.1), node: "a")
        #expect(change == .lost(reason: "node b holds the lease (epoch 2)"))
        #expect(!keeper.mayPing(at: at(10.1)))
        #expect(keeper.holder == "b")
    }

    @Test func aStandbySeeingItsOwnNodeNameRenewedByAnotherProcessRefuses() {
        var keeper = LeaseKeeper(lease: lease, policy: .stop)
        #expect(keeper.record(.heldByOther(holder: "a", epoch: 3, remaining: lease, sameNode: true), sentAt: at(0), now: at(0.1), node: "a") == nil)
        #expect(keeper.record(.heldByOther(holder: "a", epoch: 3, remaining: .seconds(27), sameNode: true), sentAt: at(3), now: at(3.1), node: "a") == nil)
        // Ten seconds later the lease ends ten seconds later: renewed, so a live process holds the name.
        #expect(keeper.record(.heldByOther(holder: "a", epoch: 3, remaining: lease, sameNode: true), sentAt: at(10), now: at(10.1), node: "a") == .nodeNameInUse(epoch: 3))
    }

    @Test func aStandbySeeingItsOwnNodeNameRunningOutWaitsForIt() {
        // The previous process of this node, killed before it could release: its lease ends unrenewed.
        var keeper = LeaseKeeper(lease: lease, policy: .stop)
        for second in stride(from: 0.0, through: 27, by: 3) {
            let remaining = Duration.seconds(30 - second) - .milliseconds(100)
            #expect(keeper.record(.heldByOther(holder: "a", epoch: 3, remaining: remaining, sameNode: true), sentAt: at(second), now: at(second + 0.1), node: "a") == nil)
        }
        #expect(keeper.record(.held(epoch: 4, remaining: lease), sentAt: at(30), now: at(30.1), node: "a") == .gained(epoch: 4))
    }

    @Test func withStopALeaderThatCannotRenewLosesAtTheEndOfItsLease() {
        var keeper = LeaseKeeper(lease: lease, policy: .stop)
        _ = keeper.record(.held(epoch: 1, remaining: lease), sentAt: at(0), now: at(0.1), node: "a")
        #expect(keeper.record(.failed(message: "timed out"), sentAt: at(10), now: at(15), node: "a") == nil)
        #expect(keeper.expire(at: at(29)) == nil)
        #expect(keeper.mayPing(at: at(29)))
        #expect(keeper.expire(at: at(29.5)) == .lost(reason: "the lease ran out while the database could not be reached"))
        #expect(!keeper.mayPing(at: at(29.5)))
    }

    @Test func withKeepALeaderGoesOnUntilTheDatabaseSaysOtherwise() {
        var keeper = LeaseKeeper(lease: lease, policy: .keep)
        _ = keeper.record(.held(epoch: 1, remaining: lease), sentAt: at(0), now: at(0.1), node: "a")
        _ = keeper.record(.failed(message: "connection refused"), sentAt: at(10), now: at(10.1), node: "a")
        #expect(keeper.expire(at: at(90)) == nil)
        #expect(keeper.mayPing(at: at(90)))
        #expect(keeper.record(.heldByOther(holder: "b", epoch: 2, remaining: lease, sameNode: false), sentAt: at(100), now: at(100.1), node: "a") != nil)
        #expect(!keeper.mayPing(at: at(100.1)))
    }

    @Test func withKeepALeaseNotRenewedWhileTheDatabaseAnswersStillEnds() {
        var keeper = LeaseKeeper(lease: lease, policy: .keep)
        _ = keeper.record(.held(epoch: 1, remaining: lease), sentAt: at(0), now: at(0.1), node: "a")
        #expect(keeper.expire(at: at(30)) == .lost(reason: "the lease ran out unrenewed"))
    }
}
