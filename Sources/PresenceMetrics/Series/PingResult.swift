import PresenceCore

/// The `result` label of `agent_presenced_pings_total`: DESIGN's seven values, so every series
/// exists from the start and a ping picks its counter by index, building no label.
enum PingResult: Int, CaseIterable, Sendable {
    case ok, http4xx, rateLimited, http5xx, timeout, connect, other

    /// The label value.
    var label: String {
        switch self {
        case .ok: "ok"
        case .http4xx: "http_4xx"
        case .rateLimited: "rate_limited"
        case .http5xx: "http_5xx"
        case .timeout: "timeout"
        case .connect: "connect"
        case .other: "other"
        }
    }

    /// The result of `outcome`: a 429 is `rate_limited`, not `http_4xx`.
    init(_ outcome: PingOutcome) {
        switch outcome.errorClass {
        case nil: self = .ok
        case .http?:
            switch outcome.status ?? 0 {
            case 429: self = .rateLimited
            case 400..<500: self = .http4xx
            case 500..<600: self = .http5xx
            default: self = .other
            }
        case .timeout?: self = .timeout
        case .connect?: self = .connect
        case .connectionClosed?, .protocolError?, .cancelled?: self = .other
        }
    }
}
