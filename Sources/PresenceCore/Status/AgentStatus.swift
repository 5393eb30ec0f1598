/// One agent's entry in the status file.
public struct AgentStatus: Codable, Hashable, Sendable {
    /// The roster key.
    public var key: String
    /// The agent's account, by name (`default` in the one-account form).
    public var account: String
    /// The Brevo agent ID, for the ID form.
    public var id: String?
    /// The email, for the email form.
    public var email: String?
    /// The operator's label.
    public var label: String?
    /// Whether the agent is enabled.
    public var enabled: Bool
    /// The state's name (`online`, `retrying`, …).
    public var state: String
    /// When the last attempt started.
    public var lastAttemptAt: String?
    /// When the last success happened.
    public var lastSuccessAt: String?
    /// Until when Brevo presumably shows the agent online.
    public var presumedOnlineUntil: String?
    /// When the next ping is due.
    public var nextPingAt: String?
    /// Failures since the last success.
    public var consecutiveFailures: Int
    /// The last failure, one line.
    public var lastError: String?
    /// Successful pings since start.
    public var pingsOK: Int
    /// Failed pings since start.
    public var pingsFailed: Int
    /// The agent's schedule, by name; `nil` when it is always on.
    public var schedule: String?
    /// When the current shift ends (RFC 3339 UTC), while on shift and it ends.
    public var shiftEndsAt: String?
    /// When the next shift starts (RFC 3339 UTC), while off shift.
    public var nextShiftAt: String?
    /// The run-time override in force, if any.
    public var override: OverrideStatus?
    /// The bot the agent relays to, by name; `nil` for a person.
    public var bot: String?

    /// Creates an entry.
    public init(
        key: String, id: String?, email: String?, label: String?, enabled: Bool, state: String,
        lastAttemptAt: String?, lastSuccessAt: String?, presumedOnlineUntil: String?, nextPingAt: String?,
        consecutiveFailures: Int, lastError: String?, pingsOK: Int, pingsFailed: Int,
        account: String = AccountSettings.defaultName, schedule: String? = nil, shiftEndsAt: String? = nil,
        nextShiftAt: String? = nil, override: OverrideStatus? = nil, bot: String? = nil
    ) {
        self.key = key
        self.account = account
        self.id = id
        self.email = email
        self.label = label
        self.enabled = enabled
        self.state = state
        self.lastAttemptAt = lastAttemptAt
        self.lastSuccessAt = lastSuccessAt
        self.presumedOnlineUntil = presumedOnlineUntil
        self.nextPingAt = nextPingAt
        self.consecutiveFailures = consecutiveFailures
        self.lastError = lastError
        self.pingsOK = pingsOK
        self.pingsFailed = pingsFailed
        self.schedule = schedule
        self.shiftEndsAt = shiftEndsAt
        self.nextShiftAt = nextShiftAt
        self.override = override
        self.bot = bot
    }

    enum CodingKeys: String, CodingKey {
        case key, account, id, email, label, enabled, state
        case lastAttemptAt = "last_attempt_at"
        case lastSuccessAt = "last_success_at"
        case presumedOnlineUntil = "presumed_online_until"
        case nextPingAt = "next_ping_at"
        case consecutiveFailures = "consecutive_failures"
        case lastError = "last_error"
        case pingsOK = "pings_ok"
        case pingsFailed = "pings_failed"
        case schedule
        case shiftEndsAt = "shift_ends_at"
        case nextShiftAt = "next_shift_at"
        case override, bot
    }

    /// Reads an entry; one written before accounts existed belongs to `default`, one written
    /// before schedules, overrides and bots has none of them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        account = try container.decodeIfPresent(String.self, forKey: .account) ?? AccountSettings.defaultName
        id = try container.decodeIfPresent(String.self, forKey: .id)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        enabled = try container.decode(Bool.self, forKey: .enabled)
        state = try container.decode(String.self, forKey: .state)
        lastAttemptAt = try container.decodeIfPresent(String.self, forKey: .lastAttemptAt)
        lastSuccessAt = try container.decodeIfPresent(String.self, forKey: .lastSuccessAt)
        presumedOnlineUntil = try container.decodeIfPresent(String.self, forKey: .presumedOnlineUntil)
        nextPingAt = try container.decodeIfPresent(String.self, forKey: .nextPingAt)
        consecutiveFailures = try container.decode(Int.self, forKey: .consecutiveFailures)
        lastError = try container.decodeIfPresent(String.self, forKey: .lastError)
        pingsOK = try container.decode(Int.self, forKey: .pingsOK)
        pingsFailed = try container.decode(Int.self, forKey: .pingsFailed)
        schedule = try container.decodeIfPresent(String.self, forKey: .schedule)
        shiftEndsAt = try container.decodeIfPresent(String.self, forKey: .shiftEndsAt)
        nextShiftAt = try container.decodeIfPresent(String.self, forKey: .nextShiftAt)
        override = try container.decodeIfPresent(OverrideStatus.self, forKey: .override)
        bot = try container.decodeIfPresent(String.self, forKey: .bot)
    }

    /// Writes every key, `null` for absent values; `id` or `email`, whichever the agent has.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(account, forKey: .account)
        if let email { try container.encode(email, forKey: .email) } else { try container.encode(id, forKey: .id) }
        try container.encode(label, forKey: .label)
        try container.encode(enabled, forKey: .enabled)
        try container.encode(state, forKey: .state)
        try container.encode(lastAttemptAt, forKey: .lastAttemptAt)
        try container.encode(lastSuccessAt, forKey: .lastSuccessAt)
        try container.encode(presumedOnlineUntil, forKey: .presumedOnlineUntil)
        try container.encode(nextPingAt, forKey: .nextPingAt)
        try container.encode(consecutiveFailures, forKey: .consecutiveFailures)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(pingsOK, forKey: .pingsOK)
        try container.encode(pingsFailed, forKey: .pingsFailed)
        try container.encode(schedule, forKey: .schedule)
        try container.encode(shiftEndsAt, forKey: .shiftEndsAt)
        try container.encode(nextShiftAt, forKey: .nextShiftAt)
        try container.encode(override, forKey: .override)
        try container.encode(bot, forKey: .bot)
    }
}
