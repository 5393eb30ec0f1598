import BrevoAPI
import NIOCore
import PresenceCore

/// One probe under way: the bot, its secrets, the HTTP clients it sends on, and its one deadline,
/// which the token, the start and the close share.
struct ProbeRun: Sendable {
    let request: ProbeRequest
    let secrets: BrokerSecrets
    /// The client's pools, one per transport.
    let pools: HTTPClientPools
    /// When the whole probe must be over: its start plus the bot's `timeout`.
    let deadline: NIODeadline
    let began: ContinuousClock.Instant
    let http: ProbeHTTPRequests

    /// Starts the run of `request` now.
    init(request: ProbeRequest, secrets: BrokerSecrets, pools: HTTPClientPools, userAgent: String) {
        self.request = request
        self.secrets = secrets
        self.pools = pools
        began = .now
        let timeout = request.bot.probe.cadence.timeout
        deadline = .now() + .nanoseconds(max(Self.nanoseconds(timeout), 1_000_000))
        http = ProbeHTTPRequests(bot: request.bot, secrets: secrets, requestID: request.requestID, userAgent: userAgent)
    }

    /// The bot probed.
    var bot: BotSettings { request.bot }

    /// Time since the run began.
    var elapsed: Duration { .now - began }

    /// Every secret of the run, `token` included, to redact from what the Broker echoes.
    func secretsToRedact(token: BearerToken?) -> [String] {
        secrets.redactable + (token.map { [$0.value] } ?? [])
    }

    /// `duration` in nanoseconds, `Int64.max` for one too long to say so.
    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (whole, overflowed) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, carried) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflowed || carried ? .max : total
    }
}
