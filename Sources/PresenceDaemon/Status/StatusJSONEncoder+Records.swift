import Foundation
import PresenceCore

extension StatusJSONEncoder {
    /// `snapshot` as the status file's bytes, with one trailing newline, handed to `sink` in
    /// chunks of about `chunkBytes`; the entries of unchanged records come from `cache`, which
    /// is then replaced by this file's entries. A `nil` cache is neither read nor kept.
    static func stream(
        _ snapshot: StatusSnapshot, chunkBytes: Int = chunkBytes, cache: inout StatusEntryCache?,
        to sink: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        let snapshot = cache?.aligned(snapshot) ?? snapshot
        var encoder = StatusJSONEncoder()
        encoder.bytes.reserveCapacity(min(chunkBytes, 512 + snapshot.records.count * 360) + 4096)
        encoder.writeHead(snapshot)
        let next = try encoder.writeAgents(of: snapshot, reusing: &cache, chunkBytes: chunkBytes, to: sink)
        encoder.raw("]}\n")
        try encoder.flush(to: sink)
        if cache != nil { cache = next ?? StatusEntryCache() }
    }

    /// A snapshot's agents, each entry written straight from its record or taken from
    /// `previous`; returns the cache of these entries when `previous` asks for one.
    ///
    /// The bytes are those of `write(snapshot.entry(for: record))`, which the tests hold them to,
    /// without making the entry: its nine strings (four of them times) and their release were
    /// half the cost of formatting an entry.
    private mutating func writeAgents(
        of snapshot: StatusSnapshot, reusing previous: inout StatusEntryCache?, chunkBytes: Int,
        to sink: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows -> StatusEntryCache? {
        let context = StatusEntryCache.Context(window: snapshot.window, availability: snapshot.availability, wallOffset: snapshot.wallOffset)
        // Plain values, not optionals, in the loop: unwrapping one copies the whole cache.
        var next = StatusEntryCache()
        var building = false
        // No second reference to the new cache may outlive this block: appending to a shared
        // buffer would copy it, and the recycled memory would go unused.
        if previous != nil, let started = StatusEntryCache.start(context: context, records: snapshot.records, after: &previous!) {
            next = consume started
            building = true
        }
        let reusable = previous?.context == context ? previous! : StatusEntryCache()
        // Through a buffer pointer: an array's subscript, or `enumerated()`, hands out copies
        // of the records, which were a fifth of this loop.
        try snapshot.records.withUnsafeBufferPointer { records in
            for index in records.indices {
                if index > 0 { bytes.append(0x2C) }
                let start = bytes.count
                if let range = reusable.entry(at: index, for: records[index]) {
                    reusable.copy(range, to: &bytes)
                    next.reusedEntries += 1
                } else {
                    write(records[index], of: snapshot)
                }
                if building { bytes.withUnsafeBufferPointer { next.append(UnsafeBufferPointer(rebasing: $0[start...])) } }
                if bytes.count >= chunkBytes { try flush(to: sink) }
            }
        }
        return building ? next : nil
    }

    private mutating func write(_ record: AgentRecord, of snapshot: StatusSnapshot) {
        let spec = record.spec
        raw("{\"key\":")
        string(spec.key.rawValue)
        raw(",\"account\":")
        string(spec.accountName)
        switch spec.identity {
        case .email(let email, _):
            raw(",\"email\":")
            string(email)
        case .id(let id):
            raw(",\"id\":")
            string(id)
        }
        raw(",\"label\":")
        optional(spec.label)
        raw(spec.enabled ? ",\"enabled\":true,\"state\":" : ",\"enabled\":false,\"state\":")
        string(record.state.rawValue)
        raw(",\"last_attempt_at\":")
        time(record.lastAttemptAt, of: snapshot)
        raw(",\"last_success_at\":")
        time(record.lastSuccessAt, of: snapshot)
        raw(",\"presumed_online_until\":")
        time(record.presumedOnlineUntil(window: snapshot.window), of: snapshot)
        raw(",\"next_ping_at\":")
        time(record.nextPingAt, of: snapshot)
        raw(",\"consecutive_failures\":")
        integer(record.consecutiveFailures)
        raw(",\"last_error\":")
        optional(record.lastError)
        raw(",\"pings_ok\":")
        integer(record.pingsOK)
        raw(",\"pings_failed\":")
        integer(record.pingsFailed)
        let shift = snapshot.shift(of: record)
        raw(",\"schedule\":")
        optional(shift?.name)
        raw(",\"shift_ends_at\":")
        date(shift.flatMap { $0.isOn ? $0.changesAt : nil })
        raw(",\"next_shift_at\":")
        date(shift.flatMap { $0.isOn ? nil : $0.changesAt })
        raw(",\"override\":")
        if let override = snapshot.override(of: record) { write(OverrideStatus(override)) } else { raw("null") }
        raw(",\"bot\":")
        optional(spec.bot)
        bytes.append(0x7D)
    }

    /// A monotonic time as a quoted RFC 3339 wall-clock time, or `null`.
    private mutating func time(_ time: MonotonicTime?, of snapshot: StatusSnapshot) {
        // Not `time.map(snapshot.wallDate(of:))`: that closure holds a copy of the snapshot.
        guard let time else { return raw("null") }
        date(snapshot.wallDate(of: time))
    }

    /// A quoted RFC 3339 time, or `null`; the text has nothing to escape.
    private mutating func date(_ date: Date?) {
        guard let date else { return raw("null") }
        bytes.append(0x22)
        RFC3339.append(date, to: &bytes)
        bytes.append(0x22)
    }
}
