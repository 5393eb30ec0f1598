import Logging
import PresenceCore
import SystemdSupport

extension PresenceLogObserver {
    /// Logs a bot going down or up once for all its agents, with `BOT`, `AGENTS`,
    /// `CONSECUTIVE_FAILURES`, `LATENCY_MS` (once an answer arrived) and, when it is down,
    /// `ERROR` (its last probe's failure).
    public func botChanged(_ bot: BotReport, from: BotHealth.State, agents: Int) {
        let health = bot.health
        var metadata: Logger.Metadata = [
            "bot": .string(bot.name), "agents": .stringConvertible(agents),
            "consecutive_failures": .stringConvertible(health.consecutiveFailures),
        ]
        if let latency = health.latency { metadata["latency_ms"] = .stringConvertible(latency.milliseconds) }
        let name = bot.name
        let count = "\(agents) \(agents == 1 ? "agent" : "agents")"
        switch health.state {
        case .down:
            metadata["event"] = PresenceEvent.botDown.metadataValue
            if let error = health.lastError { metadata["error"] = .string(error) }
            let why = health.lastError ?? "its probes fail"
            logger.warning("bot \(name) is down: \(why); \(count) held offline", metadata: metadata)
        case .up:
            metadata["event"] = PresenceEvent.botUp.metadataValue
            let latency = health.latency.map { " (latency \($0.milliseconds) ms)" } ?? ""
            if from == .down {
                logger.notice("bot \(name) is up\(latency); \(count) back online", metadata: metadata)
            } else {
                logger.info("bot \(name) is up\(latency); \(count) online", metadata: metadata)
            }
        case .unknown:
            logger.info("bot \(name) is not known yet; \(count) wait for its first good probe", metadata: metadata)
        }
    }

    /// Logs one probe at debug with `BOT`, `LATENCY_MS`, `HTTP_STATUS` (when an answer
    /// arrived) and `ERROR_CLASS` (when it failed); a test session left open is worth info.
    public func botProbed(_ bot: String, outcome: ProbeOutcome) {
        let closeFailed = outcome.sessionClosed == false
        guard closeFailed || logger.logLevel <= .debug else { return }
        var metadata: Logger.Metadata = ["bot": .string(bot), "latency_ms": .stringConvertible(outcome.latency.milliseconds)]
        if let status = outcome.status { metadata["http_status"] = .stringConvertible(status) }
        if let failure = outcome.failure { metadata["error_class"] = .string(failure.kind) }
        let result = outcome.failure.map { "failed: \($0.summary)" } ?? "healthy"
        let text = "probe of bot \(bot): \(result) (\(outcome.latency.milliseconds) ms)"
        if closeFailed {
            logger.info("\(text); session not closed: \(outcome.closeError ?? "unknown error")", metadata: metadata)
        } else {
            logger.debug("\(text)", metadata: metadata)
        }
    }
}
