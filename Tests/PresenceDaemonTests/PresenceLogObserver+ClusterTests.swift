import Foundation
import Logging
@testable import PresenceCore
import SystemdSupport
import Testing
@testable import PresenceDaemon

/// The journal entries of a cluster: one per change of this node's role, with `NODE`, `EPOCH`
/// (and `REASON` when the lead is lost) and the became-leader, lost-leadership or
/// node-name-in-use `MESSAGE_ID`.
@Suite struct PresenceLogObserverClusterTests {
    static let now = MonotonicTime.zero + .seconds(1000)

    /// The journal fields `entry` becomes.
    static func fields(_ entry: RecordingLogHandler.Entry) -> [String: String] {
        let built = JournalFields.build(level: entry.level, message: entry.message, metadata: entry.metadata,
                                        file: "f", function: "g", line: 1)
        return Dictionary(built.map { ($0.name, $0.text) }) { first, _ in first }
    }

    /// `web-2`'s lease after `outcome`, and the change it caused.
    static func keeper(after outcome: LeaseOutcome, _ lease: LeaseKeeper = LeaseKeeper(lease: .seconds(30), policy: .stop))
        -> (LeaseKeeper, LeaseChange?) {
        var lease = lease
        let change = lease.record(outcome, sentAt: now, now: now, node: "web-2")
        return (lease, change)
    }

    /// The one entry `change` logs.
    static func entry(_ change: LeaseChange, lease: LeaseKeeper?, node: String? = nil) throws -> RecordingLogHandler.Entry {
        let store = RecordingLogHandler.Store()
        var observer = PresenceLogObserver(logger: .recording(into: store))
        observer.node = node
        observer.leadershipChanged(change, lease: lease)
        let entries = store.all
        try #require(entries.count == 1)
        return entries[0]
    }

    @Test func becomingTheLeaderIsOneNoticeWithNodeAndEpoch() throws {
        let (lease, change) = Self.keeper(after: .held(epoch: 7, remaining: .seconds(30)))
        #expect(change == .gained(epoch: 7))
        let entry = try Self.entry(try #require(change), lease: lease)
        #expect(entry.level == .notice)
        #expect(entry.message == "became the leader of the cluster (epoch 7): pinging every agent")
        let fields = Self.fields(entry)
        #expect(fields["MESSAGE_ID"] == "cbccff7787324be496872ebf41b87fc0")
        #expect(fields["EVENT"] == "became_leader")
        #expect(fields["NODE"] == "web-2")
        #expect(fields["EPOCH"] == "7")
    }

    @Test func losingTheLeadIsOneWarningWithTheReason() throws {
        let (leader, _) = Self.keeper(after: .held(epoch: 7, remaining: .seconds(30)))
        let (lease, change) = Self.keeper(after: .heldByOther(holder: "web-1", epoch: 8, remaining: .seconds(30), sameNode: false), leader)
        let entry = try Self.entry(try #require(change), lease: lease, node: "web-2")
        #expect(entry.level == .warning)
        #expect(entry.message == "lost the lead: node web-1 holds the lease (epoch 8); pinging stopped")
        let fields = Self.fields(entry)
        #expect(fields["MESSAGE_ID"] == "90b20fb3049e4b47a3a7bf330e4269bd")
        #expect(fields["EVENT"] == "lost_leadership")
        #expect(fields["NODE"] == "web-2")
        #expect(fields["EPOCH"] == "8")
        #expect(fields["REASON"] == "node web-1 holds the lease (epoch 8)")
    }

    @Test func aLossWithoutTheNodesNameStillCarriesTheEpochAndReason() throws {
        var (lease, _) = Self.keeper(after: .held(epoch: 3, remaining: .seconds(30)))
        let resigned = lease.resign("a stall was found")
        let change = try #require(resigned)
        let fields = Self.fields(try Self.entry(change, lease: lease))
        #expect(fields["NODE"] == nil)
        #expect(fields["EPOCH"] == "3")
        #expect(fields["REASON"] == "a stall was found")
    }

    @Test func aCleanStopLosesTheLeadAtNoticeNotWarning() throws {
        var (lease, _) = Self.keeper(after: .held(epoch: 3, remaining: .seconds(30)))
        let resigned = lease.resign(ClusterCoordinator.stoppingReason)
        let entry = try Self.entry(try #require(resigned), lease: lease, node: "web-2")
        #expect(entry.level == .notice)
        #expect(Self.fields(entry)["MESSAGE_ID"] == "90b20fb3049e4b47a3a7bf330e4269bd")
    }

    @Test func aSecondDaemonWithThisNodesNameIsOneErrorThatSaysWhatToFix() throws {
        // Seen once, then renewed ten seconds later: another live process holds this node's name.
        var (lease, first) = Self.keeper(after: .heldByOther(holder: "web-2", epoch: 4, remaining: .seconds(30), sameNode: true))
        #expect(first == nil)
        let later = Self.now + .seconds(10)
        let change = lease.record(.heldByOther(holder: "web-2", epoch: 4, remaining: .seconds(30), sameNode: true), sentAt: later, now: later, node: "web-2")
        #expect(change == .nodeNameInUse(epoch: 4))
        let entry = try Self.entry(try #require(change), lease: lease)
        #expect(entry.level == .error)
        #expect(entry.message == "another running daemon uses node name web-2 in this cluster (epoch 4): give each node its own `node:`")
        let fields = Self.fields(entry)
        #expect(fields["MESSAGE_ID"] == "eba23f15052648c79d44e62112f2f4f2")
        #expect(fields["EVENT"] == "node_name_in_use")
        #expect(fields["NODE"] == "web-2")
        #expect(fields["EPOCH"] == "4")
    }

    @Test func theDaemonsObserverForwardsTheChange() throws {
        let store = RecordingLogHandler.Store()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-log-\(UUID().uuidString)")
        let observer = DaemonObserver(log: PresenceLogObserver(logger: .recording(into: store)),
                                      overrides: OverrideStore(path: folder.appendingPathComponent("overrides.json").path))
        let (lease, change) = Self.keeper(after: .held(epoch: 2, remaining: .seconds(30)))
        observer.leadershipChanged(try #require(change), lease: lease)
        #expect(store.all.map(\.message) == ["became the leader of the cluster (epoch 2): pinging every agent"])
    }
}
