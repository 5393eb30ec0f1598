import SystemdSupport
import Testing

@Suite struct PresenceEventTests {
    @Test func idsAre128BitLowerCaseHexAndUnique() {
        let ids = PresenceEvent.allCases.map(\.messageID)
        #expect(Set(ids).count == PresenceEvent.allCases.count)
        for id in ids {
            #expect(id.count == 32)
            #expect(id.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) })
        }
    }

    /// The ids are a public contract (journalctl MESSAGE_ID=…, README): they must never change.
    @Test func idsAreStable() {
        let table = Dictionary(uniqueKeysWithValues: PresenceEvent.allCases.map { ($0.rawValue, $0.messageID) })
        #expect(table == [
            "agent_online": "b3aa052c82e94c968b48328cd9d7b072",
            "agent_lapsed": "4b8db6a80996499e8bb38243fc2c863b",
            "ping_failed": "881bb1adf6ac49d1b013735167f1e399",
            "rate_limited": "2db4714cf3d8412dbc52cb1d8943c643",
            "reload_applied": "e791dccc8a114ef0ab3780b0cbf162b1",
            "reload_refused": "263ad896e1234cf2aa0415d4b7bfa4e5",
            "agent_rejected": "577b3d86621f40bcb90ee2527633b73f",
            "account_paused": "78690a9cd55b470eb2cc630ec8866b08",
            "account_resumed": "aeae6914f0fe4a76bd79887dce62b187",
            "shift_started": "ddeb8a7e17534acab5ada5655521b4c3",
            "shift_ended": "1e682b212adb47eaa495687b5784c276",
            "override_set": "8a3b30abad1c48c39ff6e27b6fe8f697",
            "override_cleared": "c9afefefe66c4cb08a2be6cff9f7b287",
            "override_expired": "cee53f3c85614045824df50baa86a40e",
            "daemon_started": "712068bdaff44b1d873ed9c8f26985ef",
            "daemon_stopping": "a634dfa8170641b59bd7df9cb8ca4f95",
            "bot_down": "3a4f9dfe9f1f4a8fb2129c68cc1efdc1",
            "bot_up": "95dba83fc4dd493bb5610cccc18ceaee",
            "became_leader": "cbccff7787324be496872ebf41b87fc0",
            "lost_leadership": "90b20fb3049e4b47a3a7bf330e4269bd",
            "node_name_in_use": "eba23f15052648c79d44e62112f2f4f2",
        ])
    }

    @Test func metadataValueRoundTrips() {
        for event in PresenceEvent.allCases {
            #expect(PresenceEvent(metadataValue: event.metadataValue) == event)
        }
        #expect(PresenceEvent(metadataValue: "nope") == nil)
    }
}
