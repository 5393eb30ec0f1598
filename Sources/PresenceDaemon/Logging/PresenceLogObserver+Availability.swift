import Foundation
import Logging
import PresenceCore
import SystemdSupport

extension PresenceLogObserver {
    /// Logs an override set, cleared or expired, once, with `OVERRIDE`, `UNTIL` and `REASON`.
    public func overrideChanged(_ record: AgentRecord, override: PresenceOverride, event: OverrideEvent) {
        var metadata = Self.metadata(for: record, outcome: nil)
        metadata["override"] = .string(override.mode.rawValue)
        if let until = override.until { metadata["until"] = .string(RFC3339.string(from: until)) }
        if let reason = override.reason { metadata["reason"] = .string(reason) }
        let name = record.spec.displayName
        let untilText = override.until.map { " until " + RFC3339.string(from: $0) } ?? ""
        let reasonText = override.reason.map { " (\($0))" } ?? ""
        switch event {
        case .set:
            metadata["event"] = PresenceEvent.overrideSet.metadataValue
            logger.notice("agent \(name) overridden \(override.mode.rawValue)\(untilText)\(reasonText)", metadata: metadata)
        case .cleared:
            metadata["event"] = PresenceEvent.overrideCleared.metadataValue
            logger.notice("override \(override.mode.rawValue) of agent \(name) cleared: it follows its schedule again", metadata: metadata)
        case .expired:
            metadata["event"] = PresenceEvent.overrideExpired.metadataValue
            logger.notice("override \(override.mode.rawValue) of agent \(name) expired: it follows its schedule again", metadata: metadata)
        }
    }

    /// Logs a shift boundary once for every agent of the schedule, with `SCHEDULE`, `AGENTS`
    /// and `UNTIL` (the next change).
    public func shiftChanged(schedule: String, isOn: Bool, agents: Int, changesAt: Date?) {
        var metadata: Logger.Metadata = ["schedule": .string(schedule), "agents": .stringConvertible(agents)]
        if let changesAt { metadata["until"] = .string(RFC3339.string(from: changesAt)) }
        let next = changesAt.map { RFC3339.string(from: $0) }
        let noun = agents == 1 ? "agent" : "agents"
        if isOn {
            metadata["event"] = PresenceEvent.shiftStarted.metadataValue
            let end = next.map { "it ends \($0)" } ?? "it does not end within a year"
            logger.notice("shift of schedule \(schedule) started: \(agents) \(noun) pinged again, spread out; \(end)", metadata: metadata)
        } else {
            metadata["event"] = PresenceEvent.shiftEnded.metadataValue
            let start = next.map { "until \($0)" } ?? "with no shift within a year"
            logger.notice("shift of schedule \(schedule) ended: \(agents) \(noun) off shift \(start)", metadata: metadata)
        }
    }
}
