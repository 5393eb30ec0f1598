import BrevoAPI
import Foundation
import PresenceCore

extension BrokerClient {
    /// The start's answer, or why none came, and how long it took.
    struct StartAttempt: Sendable {
        var result: Result<BrokerExchange, any Error>
        var latency: Duration

        /// The status answered, when an answer came.
        var status: Int? { try? result.get().answer.status }
    }

    /// Runs one probe: the token when the bot wants one, the test conversation, and the close
    /// of its session, all before the bot's `timeout`. Never throws.
    ///
    /// A 401 to a start with a cached token drops that token and retries the start once with a
    /// fresh one. A failed close is reported in ``ProbeOutcome/closeError`` and leaves the
    /// verdict alone.
    public func probe(_ request: ProbeRequest) async -> ProbeOutcome {
        let botSecrets = secrets(for: request.bot.name)
        if let refusal = ProbePreflight.refusal(for: request, secrets: botSecrets) { return .failed(refusal) }
        guard let botSecrets, !pools.isShutDown else {
            return .failed(.transport(.cancelled, message: "the Broker client is shut down"))
        }
        let run = ProbeRun(request: request, secrets: botSecrets, pools: pools, userAgent: userAgent)

        var token: BearerToken?
        if let auth = run.bot.auth {
            switch await bearerToken(for: run, auth: auth, reuse: true) {
            case .token(let fresh): token = fresh
            case .failed(let why): return .failed(.token(why), latency: run.elapsed)
            }
        }
        var attempt = await start(run, token: token)
        if let auth = run.bot.auth, let used = token, attempt.status == 401 {
            tokens.drop(used.value, for: used.key)
            if used.reused {
                switch await bearerToken(for: run, auth: auth, reuse: false) {
                case .token(let fresh): token = fresh
                case .failed(let why): return .failed(.token(why), latency: run.elapsed)
                }
                attempt = await start(run, token: token)
            }
        }
        return await judge(attempt, of: run, token: token)
    }

    /// Sends the start and times it.
    private func start(_ run: ProbeRun, token: BearerToken?) async -> StartAttempt {
        let sent = ContinuousClock.now
        let result: Result<BrokerExchange, any Error>
        do {
            result = await BrokerExchange.send(try run.http.start(token: token?.value), for: run)
        } catch {
            result = .failure(error)
        }
        return StartAttempt(result: result, latency: .now - sent)
    }

    /// The outcome of `attempt`: the Broker's error, or its answer judged (and its session
    /// closed).
    private func judge(_ attempt: StartAttempt, of run: ProbeRun, token: BearerToken?) async -> ProbeOutcome {
        let exchange: BrokerExchange
        switch attempt.result {
        case .failure(let error):
            let (errorClass, message) = TransportErrorClassifier.classify(error)
            return .failed(.transport(errorClass, message: message), latency: attempt.latency)
        case .success(let answered):
            exchange = answered
        }
        let secrets = run.secretsToRedact(token: token)
        let status = exchange.answer.status
        guard status == 200 else {
            let message = BrokerErrorMessage.read(exchange.answer.body, redacting: secrets)
            let retryAfter = status == 429 || status == 503 ? Self.retryAfter(in: exchange) : nil
            let failure = ProbeFailure.http(status: status, message: message)
            return .failed(failure, status: status, retryAfter: retryAfter, latency: attempt.latency)
        }
        guard !exchange.truncated else {
            let limit = "the answer is over \(Self.maximumBodyBytes / 1024) KiB"
            return .failed(.badAnswer(limit), status: status, latency: attempt.latency)
        }
        var outcome: ProbeOutcome
        let sessionCode: String?
        switch ConversationAnswer.read(exchange.answer.body) {
        case .unreadable(let why, let code):
            outcome = .failed(.badAnswer(why), status: status, latency: attempt.latency)
            sessionCode = code
        case .answer(let answer):
            let texts = answer.answerTexts.map { MessageText.sanitize($0, redacting: secrets) }
            var failure = ProbeAnswerCheck.failure(answerTexts: answer.answerTexts, expect: run.bot.probe.expect)
            // The check quotes the raw first answer: give the sanitized one instead.
            if case .unexpectedAnswer = failure { failure = .unexpectedAnswer(texts.first ?? "") }
            outcome = ProbeOutcome(failure: failure, status: status, answerTexts: texts, latency: attempt.latency)
            sessionCode = answer.sessionCode
        }
        if let sessionCode {
            let closeError = await close(sessionCode, of: run, token: token)
            outcome.sessionClosed = closeError == nil
            outcome.closeError = closeError
        }
        return outcome
    }

    /// The `Retry-After` of a 429 or 503, measured against its `Date` when it is a date.
    private static func retryAfter(in exchange: BrokerExchange) -> Duration? {
        let headers = exchange.answer.headers
        guard let value = headers.first(name: "retry-after") else { return nil }
        let responseDate = headers.first(name: "date").flatMap(HTTPDate.secondsSinceEpoch)
        return RetryAfter.delay(value, responseDate: responseDate, now: Int64(Date().timeIntervalSince1970))
    }
}
