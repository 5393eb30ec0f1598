import PresenceCore

/// The agents' entries of the last status file written, reused for the records that have not
/// changed since.
///
/// At 10,000 agents pinged once a minute, a rewrite every second finds about one agent in six
/// changed; formatting the other entries again (four times and a dozen fields each) was most
/// of the file's cost. An entry is reused only when its record is equal to the one it was
/// written from, at the same position, and nothing else it shows has changed: the presence
/// window, the overrides and shifts, and the mapping of monotonic onto wall-clock time.
///
/// The cache holds the entries' bytes twice (the last file's, and the one before whose memory
/// the next is written into) and the records, about 10 MB at 10,000 agents, so it is kept only
/// up to ``maximumAgents``; larger rosters are rewritten less often anyway (the writer spaces
/// its writes by their cost).
struct StatusEntryCache {
    /// The largest roster whose entries are kept.
    static let maximumAgents = 16_384
    /// A new snapshot's wall clock may read this far from the cached one's and still be taken
    /// as the same mapping; a step of the clock beyond it rewrites every time.
    static let wallClockTolerance: Int64 = 1_000_000

    /// What an entry shows beyond its record.
    struct Context: Equatable {
        var window: Duration
        var availability: AvailabilityView
        var wallOffset: Int64
    }

    private(set) var context: Context?
    /// How many of this cache's entries were taken from the cache before it.
    var reusedEntries = 0
    private var records: [AgentRecord] = []
    /// Where each entry ends in ``bytes``.
    private var ends: [Int] = []
    private var bytes: [UInt8] = []
    /// The bytes of the cache before this one, whose memory the next cache writes into:
    /// a fresh 5 MB buffer each time cost its page faults, more than the copying.
    private var spare: [UInt8] = []

    /// `snapshot` on the cached wall-clock mapping when its own is within the tolerance, so
    /// that its unchanged entries read as before.
    func aligned(_ snapshot: StatusSnapshot) -> StatusSnapshot {
        guard let context, abs(snapshot.wallOffset - context.wallOffset) < Self.wallClockTolerance else { return snapshot }
        return snapshot.rebased(onWallOffset: context.wallOffset)
    }

    /// The bytes written for `record` at `index`, if they can be written again; the caller
    /// has checked that the snapshot's ``Context`` is the cache's.
    func entry(at index: Int, for record: borrowing AgentRecord) -> Range<Int>? {
        guard index < ends.count, records.withUnsafeBufferPointer({ $0[index] == record }) else { return nil }
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Appends the cached bytes in `range` to `output`.
    func copy(_ range: Range<Int>, to output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Starts a new cache for the entries of `records`, about as large as `previous`; `nil`
    /// when the roster is too large to keep.
    ///
    /// The cache keeps `records` itself, the snapshot's array: no copy, and the scheduler's own
    /// array parted from it when it changed its first record after the snapshot.
    static func start(context: Context, records: [AgentRecord], after previous: inout StatusEntryCache) -> StatusEntryCache? {
        guard records.count <= maximumAgents else { return nil }
        var cache = StatusEntryCache()
        cache.context = context
        cache.records = records
        cache.ends.reserveCapacity(records.count)
        swap(&cache.bytes, &previous.spare)
        cache.bytes.removeAll(keepingCapacity: true)
        // At most what the last one held: a larger reservation would outgrow the recycled
        // buffer every time; a longer file grows it once, and later files reuse it.
        cache.bytes.reserveCapacity(previous.bytes.count)
        // Shared with `previous` until the caller lets it go, then this cache's alone.
        cache.spare = previous.bytes
        return cache
    }

    /// Adds the next entry's bytes.
    mutating func append(_ entry: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: entry)
        ends.append(bytes.count)
    }
}
