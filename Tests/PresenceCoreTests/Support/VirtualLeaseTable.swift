import PresenceCore

/// The lease row of a database in virtual time, shared by several nodes: the daemon's SQL rules
/// (``LeaseRow``) with `now()` the timeline's time.
final class VirtualLeaseTable: @unchecked Sendable {
    let timeline: VirtualTimeline
    private(set) var row: LeaseRow?
    /// Every epoch handed out, in order.
    private(set) var epochs: [Int64] = []

    init(timeline: VirtualTimeline) {
        self.timeline = timeline
    }

    /// A node's connection to the table.
    func connection(latency: Duration = .milliseconds(5)) -> Connection {
        Connection(table: self, latency: latency)
    }

    func acquire(_ request: LeaseRequest) -> LeaseOutcome {
        let before = row?.epoch
        let outcome = LeaseRow.acquire(&row, request, at: timeline.now)
        if let epoch = row?.epoch, epoch != before { epochs.append(epoch) }
        return outcome
    }

    func release(_ request: LeaseRequest) {
        LeaseRow.release(&row, request, at: timeline.now)
    }

    /// One node's way to the table, which a test can cut (statements fail after `timeout`).
    final class Connection: LeaseTransport, @unchecked Sendable {
        let table: VirtualLeaseTable
        let latency: Duration
        var isCut = false
        var timeout: Duration = .seconds(5)
        private(set) var attempts = 0

        init(table: VirtualLeaseTable, latency: Duration) {
            self.table = table
            self.latency = latency
        }

        func acquire(_ request: LeaseRequest, completion: @escaping @Sendable (LeaseOutcome) -> Void) {
            attempts += 1
            let timeline = table.timeline
            if isCut {
                _ = timeline.arm(at: timeline.now + timeout, leeway: .zero) { completion(.failed(message: "timed out")) }
                return
            }
            // The statement runs when it reaches the database; its answer takes as long back.
            _ = timeline.arm(at: timeline.now + latency, leeway: .zero) { [table, latency] in
                let outcome = table.acquire(request)
                _ = timeline.arm(at: timeline.now + latency, leeway: .zero) { completion(outcome) }
            }
        }

        func release(_ request: LeaseRequest, completion: @escaping @Sendable () -> Void) {
            guard !isCut else { return completion() }
            table.release(request)
            completion()
        }
    }
}
