import Logging
import PresenceCore
import SystemdSupport

/// Turns the scheduler's decisions into log entries: state changes once each at info or
/// above, single pings at debug, so a healthy roster is quiet.
public struct PresenceLogObserver: PresenceObserver {
    let logger: Logger
    /// This node's name in a cluster, for the cluster's entries (`NODE`); `nil` outside one.
    public var node: String?

    /// Creates the observer logging to `logger`; `node` names this node in a cluster.
    public init(logger: Logger, node: String? = nil) {
        self.logger = logger
        self.node = node
    }

    /// Logs a state change once, at a level that matches it.
    public func agentChanged(_ record: AgentRecord, transition: AgentRecord.Transition, outcome: PingOutcome?) {
        var metadata = Self.metadata(for: record, outcome: outcome)
        metadata["previous_state"] = .string(transition.from.rawValue)
        metadata["state"] = .string(transition.to.rawValue)
        let name = record.spec.displayName
        switch transition.to {
        case .online:
            metadata["event"] = .string(PresenceEvent.agentOnline.rawValue)
            let again = transition.from == .pending ? "" : " again"
            logger.info("agent \(name) is online\(again)", metadata: metadata)
        case .retrying:
            metadata["event"] = .string(PresenceEvent.pingFailed.rawValue)
            logger.warning("ping for agent \(name) failed, retrying: \(record.lastError ?? "unknown error")", metadata: metadata)
        case .lapsed:
            metadata["event"] = .string(PresenceEvent.agentLapsed.rawValue)
            logger.error("agent \(name) has lapsed: no successful ping within the presence window; Brevo probably shows it offline (\(record.lastError ?? "no answer"))", metadata: metadata)
        case .rejected:
            metadata["event"] = .string(PresenceEvent.agentRejected.rawValue)
            logger.error("Brevo rejected agent \(name): \(record.lastError ?? "unknown error"); check its id or email in the config", metadata: metadata)
        case .paused:
            // The account-wide entry (accountChanged) says why, once for all agents.
            logger.debug("agent \(name) paused with the account", metadata: metadata)
        case .offShift, .away, .botDown, .standby:
            // The source's own entry (a shift boundary, an override, a bot down) says why, once.
            logger.debug("agent \(name) is \(transition.to.rawValue)", metadata: metadata)
        case .pending, .disabled:
            logger.info("agent \(name) is \(transition.to.rawValue)", metadata: metadata)
        }
    }

    /// Logs a single ping at debug.
    public func pingCompleted(_ record: AgentRecord, outcome: PingOutcome) {
        guard logger.logLevel <= .debug else { return }
        logger.debug("ping \(record.spec.displayName): \(outcome.summary)", metadata: Self.metadata(for: record, outcome: outcome))
    }

    /// Logs an account-wide pause or resume once.
    public func accountChanged(_ account: PresenceAccount, change: AccountGate.Change) {
        var metadata: Logger.Metadata = ["account": .string(account.name)]
        let name = account.name
        switch change {
        case .paused(let pause, let outcome):
            metadata["http_status"] = .stringConvertible(outcome.status ?? 0)
            if let requestID = outcome.requestID { metadata["sib_request_id"] = .string(requestID) }
            switch pause {
            case .rateLimited:
                metadata["event"] = .string(PresenceEvent.rateLimited.rawValue)
                if let reset = outcome.rateLimit.retryAfter ?? outcome.rateLimit.reset { metadata["retry_after_s"] = .stringConvertible(Int(reset.seconds)) }
                logger.error("Brevo rate-limited account \(name) (HTTP 429): its agents are paused until the window resets, then resume spread out; other accounts go on", metadata: metadata)
            case .refused:
                metadata["event"] = .string(PresenceEvent.accountPaused.rawValue)
                logger.error("account \(name): \(account.gate.pauseReason ?? "Brevo refused the API key"); its agents are paused, one probe ping every few minutes until the key works (\(outcome.summary))", metadata: metadata)
            }
        case .resumed:
            metadata["event"] = .string(PresenceEvent.accountResumed.rawValue)
            logger.notice("account \(name) works again: its agents resume, spread out", metadata: metadata)
        }
    }

    /// Logs a connection recycle.
    public func connectionsRecycled(account: String) {
        logger.warning("repeated timeouts on account \(account): recycling the HTTP connections to Brevo", metadata: ["account": .string(account)])
    }

    /// Logs a re-ping of every agent after a stall or suspend.
    public func resynced(reason: String) {
        logger.warning("the scheduler stalled or the machine slept (\(reason)): re-pinging every agent now, spread out")
    }

    /// Logs a stretched interval.
    public func planChanged(_ plan: BudgetPlan, account: String) {
        logger.warning("the request budget of account \(account) (\(plan.budget.map(String.init) ?? "none")/hour) needs a longer interval: pinging its agents every \(DurationFormat.string(plan.interval)) (\(Int(saturating: plan.requestsPerHour.rounded(.up))) requests/hour)", metadata: ["account": .string(account)])
    }

    /// The structured fields of an agent's log entries (journal fields once upper-cased).
    static func metadata(for record: AgentRecord, outcome: PingOutcome?) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["agent_key": .string(record.spec.key.rawValue), "account": .string(record.spec.accountName)]
        switch record.spec.identity {
        case .id(let id): metadata["agent_id"] = .string(id)
        case .email(let email, _): metadata["agent_id"] = .string(email)
        }
        if let label = record.spec.label { metadata["agent_label"] = .string(label) }
        if let bot = record.spec.bot { metadata["bot"] = .string(bot) }
        if record.consecutiveFailures > 0 { metadata["attempt"] = .stringConvertible(record.consecutiveFailures) }
        guard let outcome else { return metadata }
        if let status = outcome.status { metadata["http_status"] = .stringConvertible(status) }
        if let errorClass = outcome.errorClass { metadata["error_class"] = .string(errorClass.rawValue) }
        if let requestID = outcome.requestID { metadata["sib_request_id"] = .string(requestID) }
        metadata["latency_ms"] = .stringConvertible(outcome.latency.milliseconds)
        return metadata
    }
}
