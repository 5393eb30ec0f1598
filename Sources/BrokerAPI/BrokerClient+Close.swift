import BrevoAPI
import PresenceCore

extension BrokerClient {
    /// Closes the test session `sessionCode` (`satisfactions` with `expireSession: true`),
    /// within what is left of the probe's deadline.
    ///
    /// - Returns: `nil` when the Broker answered 2xx, else why the close failed, in one line
    ///   without secrets.
    func close(_ sessionCode: String, of run: ProbeRun, token: BearerToken?) async -> String? {
        let result: Result<BrokerExchange, any Error>
        do {
            let request = try run.http.close(sessionCode: sessionCode, token: token?.value)
            result = await BrokerExchange.send(request, for: run)
        } catch {
            result = .failure(error)
        }
        switch result {
        case .failure(let error):
            let (errorClass, message) = TransportErrorClassifier.classify(error)
            return ProbeFailure.transport(errorClass, message: message).summary
        case .success(let exchange):
            let status = exchange.answer.status
            guard !(200...299).contains(status) else { return nil }
            let message = BrokerErrorMessage.read(exchange.answer.body, redacting: run.secretsToRedact(token: token))
            return ProbeFailure.http(status: status, message: message).summary
        }
    }
}
