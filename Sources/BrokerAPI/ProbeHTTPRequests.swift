import AsyncHTTPClient
import Foundation
import NIOHTTP1
import PresenceCore

/// The HTTP requests of one probe, built from the bot's settings and secrets: the token
/// request, the conversation start and the close.
///
/// Every one carries the `User-Agent`; the Broker's carry the `API-KEY` and, when given, the
/// bearer token. Building one fails only on a malformed URL.
struct ProbeHTTPRequests: Sendable {
    let bot: BotSettings
    let secrets: BrokerSecrets
    /// The probe's `x-request-id`.
    let requestID: String
    let userAgent: String

    /// `POST …/v1/conversations?test=true` with `{"text": …}`.
    func start(token: String?) throws -> HTTPClient.Request {
        var headers = brokerHeaders(token: token)
        headers.add(name: "OS", value: bot.os)
        headers.add(name: "USER-REF", value: bot.userRef)
        var request = try HTTPClient.Request(url: BrokerEndpoints(bot: bot).start, method: .POST, headers: headers)
        request.body = .bytes(Self.json(["text": bot.probe.text]))
        return request
    }

    /// `POST …/conversations/{sessionCode}/satisfactions` with `{"expireSession": true}`.
    func close(sessionCode: String, token: String?) throws -> HTTPClient.Request {
        let url = BrokerEndpoints(bot: bot).close(sessionCode: sessionCode)
        var request = try HTTPClient.Request(url: url, method: .POST, headers: brokerHeaders(token: token))
        request.body = .bytes(Array(#"{"expireSession":true}"#.utf8))
        return request
    }

    /// `POST {token_url}` with the client credentials, form-encoded.
    func token(auth: BotAuthSettings, clientSecret: String) throws -> HTTPClient.Request {
        let headers = HTTPHeaders([
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Accept", "application/json"),
            ("User-Agent", userAgent),
        ])
        var request = try HTTPClient.Request(url: auth.tokenURL, method: .POST, headers: headers)
        let form = PercentEncoding.form([
            ("grant_type", "client_credentials"),
            ("client_id", auth.clientID),
            ("client_secret", clientSecret),
        ])
        request.body = .bytes(Array(form.utf8))
        return request
    }

    /// The headers the start and the close share.
    private func brokerHeaders(token: String?) -> HTTPHeaders {
        var headers = HTTPHeaders([
            ("Content-Type", "application/json"),
            ("Accept", "application/json"),
            ("User-Agent", userAgent),
            ("API-KEY", secrets.apiKey),
            ("LOCALE", bot.locale),
            ("x-request-id", requestID),
        ])
        if let token { headers.add(name: "Authorization", value: "Bearer " + token) }
        return headers
    }

    /// `fields` as a JSON object; encoding strings cannot fail.
    private static func json(_ fields: [String: String]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(fields)).map { Array($0) } ?? []
    }
}
