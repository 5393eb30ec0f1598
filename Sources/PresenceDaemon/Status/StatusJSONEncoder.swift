import PresenceCore

/// Writes status content as compact JSON by hand, a chunk at a time.
///
/// `JSONEncoder` goes through `Codable` containers and boxes every value; at 100,000 agents
/// that is most of a second per write. This writes the same keys in the same order (the
/// declaration order of the `Codable` types), with explicit `null`s, unescaped slashes and
/// the `summary` states in ``AgentState`` order, at a few bytes per byte of output. Streaming
/// keeps one chunk in memory instead of the whole file (34 MB at 100,000 agents). A snapshot's
/// agents are written straight from their records (`StatusJSONEncoder+Records.swift`).
struct StatusJSONEncoder {
    /// How many bytes gather before they are handed to the sink.
    static let chunkBytes = 256 * 1024

    var bytes: [UInt8] = []

    /// The bytes of `content`, with one trailing newline.
    static func encode(_ content: some StatusContent) -> [UInt8] {
        var result: [UInt8] = []
        stream(content, chunkBytes: .max) { result.append(contentsOf: $0) }
        return result
    }

    /// Hands the bytes of `content`, with one trailing newline, to `sink` in chunks of about
    /// `chunkBytes`.
    static func stream(
        _ content: some StatusContent, chunkBytes: Int = chunkBytes,
        to sink: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        if let snapshot = content as? StatusSnapshot {
            var noCache: StatusEntryCache?
            return try stream(snapshot, chunkBytes: chunkBytes, cache: &noCache, to: sink)
        }
        var encoder = StatusJSONEncoder()
        encoder.bytes.reserveCapacity(min(chunkBytes, 512 + content.agents.underestimatedCount * 360) + 4096)
        encoder.writeHead(content)
        var first = true
        for agent in content.agents {
            if !first { encoder.bytes.append(0x2C) }
            first = false
            encoder.write(agent)
            if encoder.bytes.count >= chunkBytes { try encoder.flush(to: sink) }
        }
        encoder.raw("]}\n")
        try encoder.flush(to: sink)
    }

    mutating func flush(to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { try sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Everything before the first agent: `{"version":1,…,"agents":[`.
    mutating func writeHead(_ content: some StatusContent) {
        raw("{\"version\":")
        integer(content.version)
        raw(",\"pid\":")
        integer(Int(content.pid))
        raw(",\"updated_at\":")
        string(content.updatedAt)
        raw(",\"config\":{\"path\":")
        string(content.config.path)
        raw(",\"generation\":")
        integer(content.config.generation)
        raw(",\"loaded_at\":")
        string(content.config.loadedAt)
        raw(",\"last_reload_error\":")
        optional(content.config.lastReloadError)
        raw(",\"last_reload_at\":")
        optional(content.config.lastReloadAt)
        raw("},\"summary\":{")
        var first = true
        for (name, count) in Self.ordered(content.summary) {
            if !first { bytes.append(0x2C) }
            first = false
            string(name)
            bytes.append(0x3A)
            integer(count)
        }
        raw("},\"accounts\":{")
        first = true
        for (name, account) in content.accountEntries {
            if !first { bytes.append(0x2C) }
            first = false
            string(name)
            raw(":{\"state\":")
            string(account.state)
            raw(",\"reason\":")
            optional(account.reason)
            raw(",\"until\":")
            optional(account.until)
            raw(",\"requests_per_hour\":")
            optional(account.requestsPerHour)
            raw(",\"interval\":")
            string(account.interval)
            raw(",\"agents\":")
            integer(account.agents)
            raw(",\"requests_last_hour\":")
            integer(account.requestsLastHour)
            raw(",\"learned_limit\":")
            optional(account.learnedLimit)
            bytes.append(0x7D)
        }
        raw("},\"bots\":{")
        first = true
        for (name, bot) in content.botEntries {
            if !first { bytes.append(0x2C) }
            first = false
            string(name)
            bytes.append(0x3A)
            write(bot)
        }
        bytes.append(0x7D)
        if let cluster = content.cluster { write(cluster) }
        raw(",\"agents\":[")
    }

    /// The `cluster` section, `,"cluster":{"role":…,"last_loss":…}`, only in a cluster.
    private mutating func write(_ cluster: ClusterStatus) {
        raw(",\"cluster\":{\"role\":")
        string(cluster.role)
        raw(",\"node\":")
        string(cluster.node)
        raw(",\"leader\":")
        optional(cluster.leader)
        raw(",\"lease_until\":")
        optional(cluster.leaseUntil)
        raw(",\"epoch\":")
        optional(cluster.epoch.map { Int($0) })
        raw(cluster.databaseReachable ? ",\"database_reachable\":true,\"last_loss\":" : ",\"database_reachable\":false,\"last_loss\":")
        optional(cluster.lastLoss)
        bytes.append(0x7D)
    }

    /// One bot's entry, `{"state":…,"probes_failed":…}`.
    private mutating func write(_ bot: BotStatus) {
        raw("{\"state\":")
        string(bot.state)
        raw(",\"since\":")
        string(bot.since)
        raw(",\"last_probe_at\":")
        optional(bot.lastProbeAt)
        raw(",\"last_ok_at\":")
        optional(bot.lastOKAt)
        raw(",\"consecutive_failures\":")
        integer(bot.consecutiveFailures)
        raw(",\"last_error\":")
        optional(bot.lastError)
        raw(",\"latency_ms\":")
        optional(bot.latencyMS)
        raw(",\"probes_ok\":")
        integer(bot.probesOK)
        raw(",\"probes_failed\":")
        integer(bot.probesFailed)
        bytes.append(0x7D)
    }

    private mutating func write(_ agent: AgentStatus) {
        raw("{\"key\":")
        string(agent.key)
        raw(",\"account\":")
        string(agent.account)
        if let email = agent.email {
            raw(",\"email\":")
            string(email)
        } else {
            raw(",\"id\":")
            optional(agent.id)
        }
        raw(",\"label\":")
        optional(agent.label)
        raw(agent.enabled ? ",\"enabled\":true,\"state\":" : ",\"enabled\":false,\"state\":")
        string(agent.state)
        raw(",\"last_attempt_at\":")
        optional(agent.lastAttemptAt)
        raw(",\"last_success_at\":")
        optional(agent.lastSuccessAt)
        raw(",\"presumed_online_until\":")
        optional(agent.presumedOnlineUntil)
        raw(",\"next_ping_at\":")
        optional(agent.nextPingAt)
        raw(",\"consecutive_failures\":")
        integer(agent.consecutiveFailures)
        raw(",\"last_error\":")
        optional(agent.lastError)
        raw(",\"pings_ok\":")
        integer(agent.pingsOK)
        raw(",\"pings_failed\":")
        integer(agent.pingsFailed)
        raw(",\"schedule\":")
        optional(agent.schedule)
        raw(",\"shift_ends_at\":")
        optional(agent.shiftEndsAt)
        raw(",\"next_shift_at\":")
        optional(agent.nextShiftAt)
        raw(",\"override\":")
        if let override = agent.override { write(override) } else { raw("null") }
        raw(",\"bot\":")
        optional(agent.bot)
        bytes.append(0x7D)
    }

    /// An override's entry, `{"mode":…,"set_at":…}`.
    mutating func write(_ override: OverrideStatus) {
        raw("{\"mode\":")
        string(override.mode)
        raw(",\"until\":")
        optional(override.until)
        raw(",\"reason\":")
        optional(override.reason)
        raw(",\"set_at\":")
        string(override.setAt)
        bytes.append(0x7D)
    }

    /// The summary's entries: known states in ``AgentState`` order, then any others by name.
    static func ordered(_ summary: [String: Int]) -> [(String, Int)] {
        let known = AgentState.allCases.map(\.rawValue)
        var entries = known.compactMap { name in summary[name].map { (name, $0) } }
        entries += summary.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return entries
    }

    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func optional(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    mutating func optional(_ value: Int?) {
        if let value { integer(value) } else { raw("null") }
    }

    mutating func integer(_ value: Int) {
        if value >= 0, value < 10 {
            bytes.append(0x30 + UInt8(value))
            return
        }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX`
    /// escapes, everything else (slashes, non-ASCII UTF-8) as is.
    mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                case 0x08: bytes += [0x5C, 0x62]
                case 0x0C: bytes += [0x5C, 0x66]
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        bytes.append(0x22)
    }
}
