import Foundation

/// A request path, read as one of the Broker stand-in's endpoints.
///
/// The Broker's paths live under ``basePath``; the token endpoint, like a Keycloak realm's, at
/// ``tokenPath`` beside it.
enum BrokerRoute: Equatable, Sendable {
    /// A conversation start of `bot` (`org/env/bot`) on `channel`.
    case start(bot: String, channel: String)
    /// The session `sessionCode` of `bot` continued.
    case `continue`(bot: String, channel: String, sessionCode: String)
    /// The satisfaction survey of `bot`'s session `sessionCode`.
    case close(bot: String, sessionCode: String)
    /// The OAuth2 token endpoint.
    case token
    /// No endpoint.
    case other

    /// Where the Broker API is served.
    static let basePath = "/eva-broker"
    /// Where the token endpoint is served.
    static let tokenPath = "/auth/token"

    /// The route of `path` (without its query).
    init(path: String) {
        if path == Self.tokenPath {
            self = .token
            return
        }
        guard path.hasPrefix(Self.basePath + "/") else {
            self = .other
            return
        }
        let segments = path.dropFirst(Self.basePath.count + 1).split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.removingPercentEncoding ?? String($0) }
        guard segments.count >= 6, segments[0] == "org", segments[2] == "env", segments[4] == "bot",
            !segments[1].isEmpty, !segments[3].isEmpty, !segments[5].isEmpty
        else {
            self = .other
            return
        }
        let bot = "\(segments[1])/\(segments[3])/\(segments[5])"
        let rest = Array(segments.dropFirst(6))
        switch rest.count {
        case 4 where rest[0] == "channel" && rest[2] == "v1" && rest[3] == "conversations" && !rest[1].isEmpty:
            self = .start(bot: bot, channel: rest[1])
        case 5 where rest[0] == "channel" && rest[2] == "v1" && rest[3] == "conversations" && !rest[1].isEmpty && !rest[4].isEmpty:
            self = .continue(bot: bot, channel: rest[1], sessionCode: rest[4])
        case 3 where rest[0] == "conversations" && rest[2] == "satisfactions" && !rest[1].isEmpty:
            self = .close(bot: bot, sessionCode: rest[1])
        default:
            self = .other
        }
    }

    /// The kind recorded for this route.
    var kind: BrokerRequestKind {
        switch self {
        case .start: .start
        case .continue: .continue
        case .close: .close
        case .token: .token
        case .other: .other
        }
    }

    /// The session code in the path, for a continue or a close.
    var sessionCode: String? {
        switch self {
        case .continue(_, _, let code), .close(_, let code): code
        default: nil
        }
    }
}
