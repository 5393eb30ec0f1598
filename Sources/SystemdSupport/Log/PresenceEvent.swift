import Logging

/// The event kinds worth finding in the journal, each with a stable `MESSAGE_ID`.
///
/// Convention: a log call carries `metadata["event"] = .string(PresenceEvent.x.rawValue)` (or
/// ``metadataValue``). ``JournalLogHandler`` then adds `MESSAGE_ID=<messageID>` and keeps the
/// `EVENT=<rawValue>` field as well, so both `journalctl MESSAGE_ID=…` and `journalctl EVENT=…`
/// find it. The ids are fixed forever: never change one, only add new cases.
public enum PresenceEvent: String, Sendable, CaseIterable {
    /// An agent's ping succeeded after it was pending, retrying or lapsed.
    case agentOnline = "agent_online"
    /// No successful ping within the presence window: Brevo probably shows the agent offline.
    case agentLapsed = "agent_lapsed"
    /// One ping attempt failed (it will be retried inside the presence window).
    case pingFailed = "ping_failed"
    /// Brevo answered 429: the whole account is held back.
    case rateLimited = "rate_limited"
    /// A reload (SIGHUP) loaded a new configuration.
    case reloadApplied = "reload_applied"
    /// A reload was refused; the previous configuration keeps running.
    case reloadRefused = "reload_refused"
    /// Brevo refused this agent (unknown id, bad email): the config needs fixing.
    case agentRejected = "agent_rejected"
    /// All agents are paused for the account (rate limit or a rejected API key).
    case accountPaused = "account_paused"
    /// An account's pause ended (its rate limit expired, or its key works again).
    case accountResumed = "account_resumed"
    /// A schedule's shift started: its agents are pinged again (one entry per schedule).
    case shiftStarted = "shift_started"
    /// A schedule's shift ended: its agents get no more pings (one entry per schedule).
    case shiftEnded = "shift_ended"
    /// An agent was overridden away or online at run time.
    case overrideSet = "override_set"
    /// An agent's override was cleared.
    case overrideCleared = "override_cleared"
    /// An agent's override reached its `until`.
    case overrideExpired = "override_expired"
    /// The daemon finished starting and told systemd READY=1.
    case daemonStarted = "daemon_started"
    /// The daemon is shutting down (STOPPING=1).
    case daemonStopping = "daemon_stopping"
    /// A bot failed its probes: its agents are held offline (one entry per bot).
    case botDown = "bot_down"
    /// A bot answers its probes again (or for the first time): its agents go online (one entry
    /// per bot).
    case botUp = "bot_up"
    /// This node took the cluster's lease: it pings every agent (entry with `NODE`, `EPOCH`).
    case becameLeader = "became_leader"
    /// This node lost the cluster's lease: it stopped pinging (entry with `NODE`, `EPOCH`,
    /// `REASON`).
    case lostLeadership = "lost_leadership"
    /// Another running daemon holds the cluster's lease under this node's own name.
    case nodeNameInUse = "node_name_in_use"

    /// The metadata key that carries the event kind.
    public static let metadataKey = "event"

    /// The stable 128-bit journal `MESSAGE_ID`, as 32 lower-case hex characters.
    public var messageID: String {
        switch self {
        case .agentOnline: "b3aa052c82e94c968b48328cd9d7b072"
        case .agentLapsed: "4b8db6a80996499e8bb38243fc2c863b"
        case .pingFailed: "881bb1adf6ac49d1b013735167f1e399"
        case .rateLimited: "2db4714cf3d8412dbc52cb1d8943c643"
        case .reloadApplied: "e791dccc8a114ef0ab3780b0cbf162b1"
        case .reloadRefused: "263ad896e1234cf2aa0415d4b7bfa4e5"
        case .agentRejected: "577b3d86621f40bcb90ee2527633b73f"
        case .accountPaused: "78690a9cd55b470eb2cc630ec8866b08"
        case .accountResumed: "aeae6914f0fe4a76bd79887dce62b187"
        case .shiftStarted: "ddeb8a7e17534acab5ada5655521b4c3"
        case .shiftEnded: "1e682b212adb47eaa495687b5784c276"
        case .overrideSet: "8a3b30abad1c48c39ff6e27b6fe8f697"
        case .overrideCleared: "c9afefefe66c4cb08a2be6cff9f7b287"
        case .overrideExpired: "cee53f3c85614045824df50baa86a40e"
        case .daemonStarted: "712068bdaff44b1d873ed9c8f26985ef"
        case .daemonStopping: "a634dfa8170641b59bd7df9cb8ca4f95"
        case .botDown: "3a4f9dfe9f1f4a8fb2129c68cc1efdc1"
        case .botUp: "95dba83fc4dd493bb5610cccc18ceaee"
        case .becameLeader: "cbccff7787324be496872ebf41b87fc0"
        case .lostLeadership: "90b20fb3049e4b47a3a7bf330e4269bd"
        case .nodeNameInUse: "eba23f15052648c79d44e62112f2f4f2"
        }
    }

    /// The value to put under ``metadataKey`` in a log call's metadata.
    public var metadataValue: Logger.MetadataValue {
        .string(rawValue)
    }

    /// The event named by a metadata value, if it is one of ours.
    public init?(metadataValue: Logger.MetadataValue) {
        self.init(rawValue: metadataValue.description)
    }
}
