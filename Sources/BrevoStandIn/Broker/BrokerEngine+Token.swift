import Foundation

extension BrokerEngine {
    /// The token endpoint, when a client is set: the fault first (an HTML page, or JSON without
    /// `access_token`), then the grant and the client's credentials. Called under the state lock.
    func tokenReply(to request: BrokerIncomingRequest, form: BrokerForm, clientValid: Bool, state: inout State) -> BrokerReply {
        guard client != nil else { return .error(404, "not found") }
        guard request.method == "POST" else { return .error(405, "method not allowed") }
        let lifetime = Self.wholeSeconds(tokenLifetime)
        switch state.fault {
        case .tokenHTML: return .htmlPage
        case .tokenWithoutAccessToken: return .json(200, BrokerAnswerBody.token(nil, lifetime: lifetime))
        default: break
        }
        guard form["grant_type"] == "client_credentials" else {
            return .json(400, BrokerAnswerBody.oauthError("unsupported_grant_type", description: "Unsupported grant_type"))
        }
        guard clientValid else {
            let body = BrokerAnswerBody.oauthError("unauthorized_client", description: "Invalid client or Invalid client credentials")
            return .json(401, body)
        }
        let now = request.monotonicNanoseconds
        state.tokens = state.tokens.filter { $0.value > now }
        let token = "standin-" + UUID().uuidString.lowercased()
        state.tokens[token] = now + UInt64(max(0, Self.nanoseconds(tokenLifetime)))
        return .json(200, BrokerAnswerBody.token(token, lifetime: lifetime))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// `duration` in whole seconds, rounded up, as `expires_in` says it.
    private static func wholeSeconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(max(0, attoseconds > 0 ? seconds + 1 : seconds))
    }
}
