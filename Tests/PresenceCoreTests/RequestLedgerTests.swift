import Testing
@testable import PresenceCore

@Suite struct RequestLedgerTests {
    @Test func countsTheSlidingHourAndKeepsNoMoreThanItNeeds() {
        var ledger = RequestLedger()
        // One request a second for three hours: storage must not grow with the run's length.
        for second in 0..<(3 * 3600) {
            ledger.record(MonotonicTime.zero + .seconds(second))
        }
        let end = MonotonicTime.zero + .seconds(3 * 3600 - 1)
        #expect(ledger.count(at: end) == 3600)
        #expect(ledger.storedCount <= 3600 + 1024 + 1, "\(ledger.storedCount) times kept")
        #expect(ledger.count(at: end + .seconds(1800)) == 1800)
        #expect(ledger.count(at: end + .seconds(7200)) == 0)
    }
}
