import PresenceCore
import Testing

/// The acquire statement's rules, as the in-process tables (demo, tests) apply them.
@Suite struct LeaseRowTests {
    static func at(_ seconds: Double) -> MonotonicTime { .zero + .milliseconds(Int64(seconds * 1000)) }
    static func request(_ node: String, mayTakeOver: Bool = true) -> LeaseRequest {
        LeaseRequest(cluster: "default", node: node, token: "token-" + node, lease: .seconds(10), mayTakeOver: mayTakeOver)
    }

    @Test func theFirstTakesEpochOneAndRenewingKeepsIt() {
        var row: LeaseRow?
        #expect(LeaseRow.acquire(&row, Self.request("a"), at: Self.at(0)) == .held(epoch: 1, remaining: .seconds(10)))
        #expect(LeaseRow.acquire(&row, Self.request("a"), at: Self.at(3)) == .held(epoch: 1, remaining: .seconds(10)))
        #expect(row?.expiresAt == Self.at(13))
    }

    @Test func anotherTokenWaitsForTheEndThenTakesTheNextEpoch() {
        var row: LeaseRow?
        _ = LeaseRow.acquire(&row, Self.request("a"), at: Self.at(0))
        #expect(LeaseRow.acquire(&row, Self.request("b"), at: Self.at(4)) == .heldByOther(holder: "a", epoch: 1, remaining: .seconds(6), sameNode: false))
        #expect(LeaseRow.acquire(&row, Self.request("b"), at: Self.at(10)) == .held(epoch: 2, remaining: .seconds(10)))
        #expect(row?.holder == "b")
    }

    @Test func anExpiredLeaseIsLeftAloneWhenTheRequestMayNotTakeOver() {
        var row: LeaseRow?
        _ = LeaseRow.acquire(&row, Self.request("a"), at: Self.at(0))
        #expect(LeaseRow.acquire(&row, Self.request("b", mayTakeOver: false), at: Self.at(30))
            == .heldByOther(holder: "a", epoch: 1, remaining: .zero, sameNode: false))
        // Its holder renews late and keeps its epoch: nobody held it between.
        #expect(LeaseRow.acquire(&row, Self.request("a"), at: Self.at(31)) == .held(epoch: 1, remaining: .seconds(10)))
    }

    @Test func releaseEndsOnlyTheHoldersLease() {
        var row: LeaseRow?
        _ = LeaseRow.acquire(&row, Self.request("a"), at: Self.at(0))
        LeaseRow.release(&row, Self.request("b"), at: Self.at(1))
        #expect(row?.expiresAt == Self.at(10))
        LeaseRow.release(&row, Self.request("a"), at: Self.at(2))
        #expect(LeaseRow.acquire(&row, Self.request("b"), at: Self.at(2)) == .held(epoch: 2, remaining: .seconds(10)))
    }
}
