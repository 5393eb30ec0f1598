import PresenceCore

/// The lease row of a database in virtual time, shared by several nodes: the same rules as the
/// daemon's SQL (acquire when free, ours, or expired unless asked not to; the epoch moves when the holder
/// changes),
/// with `now()` the timeline's time.
final class VirtualLeaseTable: @unchecked Sendable {
    struct Row {
        var holder: String
        var token: String
        var epoch: Int64
        var expiresAt: MonotonicTime
    }

    let timeline: VirtualTimeline
    private(set) var row: Row?
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
        let now = timeline.now
        if let row, row.token != request.token, row.expiresAt > now || !request.mayTakeOver {
            return .heldByOther(holder: row.holder, epoch: row.epoch, remaining: max(row.expiresAt - now, .zero),
                                sameNode: row.holder == request.node)
        }
        // A token that renews its own lease late keeps its epoch: nobody held it between.
        let keeps = row.map { $0.token == request.token } ?? false
        let epoch = keeps ? row!.epoch : (row?.epoch ?? 0) + 1
        if !keeps { epochs.append(epoch) }
        row = Row(holder: request.node, token: request.token, epoch: epoch, expiresAt: now + request.lease)
        return .held(epoch: epoch, remaining: request.lease)
    }

    func release(_ request: LeaseRequest) {
        if row?.token == request.token { row?.expiresAt = timeline.now }
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
