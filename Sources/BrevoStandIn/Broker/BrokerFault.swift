/// What the Broker stand-in does wrong, one fault at a time, switched at run time with
/// ``BrokerStandIn/setFault(_:)`` (or `PUT /_standin/broker-fault` on the Brevo stand-in).
public enum BrokerFault: Sendable, Equatable {
    /// No fault: a healthy bot.
    case none
    /// Stop listening, so connections are refused; any other fault listens again on the same port.
    case down
    /// Wait this long before every answer (token endpoint included).
    case slow(Duration)
    /// Answer every start and continue with this status (460 to 463, 429, 500, …) and the
    /// Broker's JSON error body; with `retryAfter`, a `Retry-After` of that many seconds.
    case status(Int, retryAfter: Int? = nil)
    /// Answer starts with 200 and an empty `answers` array.
    case emptyAnswers
    /// Answer starts with this text instead of the configured one.
    case answer(String)
    /// Answer `satisfactions` with 500, so sessions stay open.
    case unclosable
    /// Answer starts with 200 and an HTML page.
    case notJSON
    /// Answer starts with 200 and a body over 1 MiB.
    case huge
    /// Answer starts with 200 and JSON without `sessionCode`.
    case wrongShape
    /// The token endpoint answers 200 with JSON that has no `access_token`.
    case tokenWithoutAccessToken
    /// The token endpoint answers 200 with an HTML page.
    case tokenHTML
}
