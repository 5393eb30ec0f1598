import AsyncHTTPClient
import BrevoAPI
import PresenceCore

extension BrokerClient {
    /// A bearer token for `run`'s bot: the cached one when `reuse` allows and it is still
    /// good, else a fresh one from the token endpoint (then cached).
    func bearerToken(for run: ProbeRun, auth: BotAuthSettings, reuse: Bool) async -> BearerToken.Lookup {
        let clientSecret = run.secrets.clientSecret ?? ""
        let key = BrokerTokenCache.Key(
            bot: run.bot.name, tokenURL: auth.tokenURL, clientID: auth.clientID, clientSecret: clientSecret
        )
        if reuse, let token = tokens.token(for: key) {
            return .token(BearerToken(value: token, key: key, reused: true))
        }
        let request: HTTPClient.Request
        do {
            request = try run.http.token(auth: auth, clientSecret: clientSecret)
        } catch {
            return .failed("the token URL is not a valid URL")
        }
        let issuedAt = ContinuousClock.now
        switch await BrokerExchange.send(request, for: run) {
        case .failure(let error):
            let (errorClass, message) = TransportErrorClassifier.classify(error)
            return .failed("no answer from the token endpoint (\(errorClass.rawValue): \(message))")
        case .success(let exchange):
            switch TokenAnswer(exchange, redacting: run.secrets.redactable) {
            case .refused(let why):
                return .failed(why)
            case .issued(let token, let lifetime):
                tokens.store(token, lifetime: lifetime, for: key, issuedAt: issuedAt)
                return .token(BearerToken(value: token, key: key, reused: false))
            }
        }
    }
}
