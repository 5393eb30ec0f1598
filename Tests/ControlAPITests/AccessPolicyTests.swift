import Testing

@testable import ControlAPI

@Suite struct AccessPolicyTests {
    @Test func readingIsAlwaysAllowed() {
        #expect(AccessPolicy.full.allows(changesState: false, peerUID: nil))
        #expect(AccessPolicy.readOnly(exceptPeerUIDs: []).allows(changesState: false, peerUID: 1000))
    }

    @Test func changesNeedFullOrAListedUID() {
        #expect(AccessPolicy.full.allows(changesState: true, peerUID: nil))
        let policy = AccessPolicy.readOnly(exceptPeerUIDs: [0, 990])
        #expect(policy.allows(changesState: true, peerUID: 0))
        #expect(policy.allows(changesState: true, peerUID: 990))
        #expect(!policy.allows(changesState: true, peerUID: 1000))
        #expect(!policy.allows(changesState: true, peerUID: nil))
    }
}
