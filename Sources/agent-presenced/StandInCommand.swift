import ArgumentParser
import BrevoStandIn
import Foundation
import PresenceCore
import PresenceDaemon

#if canImport(Glibc)
import Glibc
#endif

/// `agent-presenced standin` (hidden): the Brevo stand-in in its own process, for the
/// end-to-end test and the benchmarks, and with `--broker-port` a Broker stand-in beside it.
struct StandInCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standin",
        abstract: "Serve a local stand-in of Brevo's agentOnlinePing (for tests and benchmarks).",
        shouldDisplay: false
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free port).")
    var port = 0

    @Option(help: "A file holding an API key the stand-in accepts; repeat it for several accounts.")
    var apiKeyFile: [String] = []

    @Option(help: "Append one JSON line per request to this file.")
    var log: String?

    @Option(help: "The share of requests answered with --failure-status, 0 to 1.")
    var failureRate: Double = 0

    @Option(help: "The status of injected failures.")
    var failureStatus = 503

    @Option(help: "Write the listening port to this file once ready.")
    var portFile: String?

    @Option(help: ArgumentHelp(
        "The key in this file (also accepted) gets STATUS, default 401, on every request; repeatable.",
        valueName: "path[=status]"
    ))
    var refusedKey: [String] = []

    @Option(help: ArgumentHelp(
        "The key in this file (also accepted) gets 429 for DURATION from the start; repeatable.",
        valueName: "path=duration[,no-headers]"
    ))
    var rateLimitedKey: [String] = []

    @Option(help: ArgumentHelp(
        "The key in this file (also accepted) has its own budget of N requests per WINDOW; repeatable.",
        valueName: "path=n/window[,no-headers]"
    ))
    var keyBudget: [String] = []

    @Option(help: ArgumentHelp("Put Retry-After on 429 and 5xx answers, as delta seconds or an HTTP date.", valueName: "seconds|http-date"))
    var retryAfter: String?

    @Option(help: ArgumentHelp("Serve HTTPS only, with this PEM certificate chain (the server's certificate first); "
        + "the Broker stand-in too.", valueName: "path"))
    var tlsCertificate: String?

    @Option(help: ArgumentHelp("The PEM private key of --tls-certificate.", valueName: "path"))
    var tlsKey: String?

    @OptionGroup var broker: BrokerStandInOptions

    func validate() throws {
        guard !apiKeyFile.isEmpty else { throw ValidationError("Missing expected argument '--api-key-file <api-key-file>'") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else { throw ValidationError("--tls-certificate and --tls-key go together") }
        _ = try keyFaultArguments()
        _ = try retryAfterRule()
    }

    func run() async throws {
        var apiKeys = try apiKeyFile.map { try Self.readKey($0) }
        var keyFaults: [String: FaultPlan.KeyFault] = [:]
        for argument in try keyFaultArguments() {
            // A key with a fault is also a key the stand-in accepts.
            let key = try Self.readKey(argument.keyFile)
            apiKeys.append(key)
            keyFaults[key] = argument.fault
        }
        let faults = FaultPlan(
            failureRate: failureRate, failureStatus: failureStatus, retryAfter: try retryAfterRule(), keyFaults: keyFaults
        )
        let tls = try tlsCertificate.map { certificate in
            try StandInTLS(certificateChainFile: certificate, privateKeyFile: tlsKey ?? "")
        }
        let standIn = try await BrevoStandIn.start(host: host, port: port, apiKeys: apiKeys, faults: faults, logFile: log, tls: tls)
        let brokerStandIn: BrokerStandIn?
        do {
            brokerStandIn = try await broker.start(host: host, tls: tls)
        } catch {
            try? await standIn.shutdown()
            throw error
        }
        if let brokerStandIn { standIn.attachBroker(brokerStandIn) }
        if let portFile { try String(standIn.port).write(toFile: portFile, atomically: true, encoding: .utf8) }
        Console.out("listening on \(standIn.baseURL)")
        if let brokerStandIn {
            Console.out("Broker listening on \(brokerStandIn.baseURL) (token endpoint \(brokerStandIn.tokenURL))")
        }
        let signals = AsyncStream<Int32> { continuation in
            let sources = [SIGTERM, SIGINT].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number)
                source.setEventHandler { continuation.yield(number) }
                source.activate()
                return source
            }
            let holder = SignalSources(sources)
            continuation.onTermination = { _ in holder.cancel() }
        }
        for await _ in signals { break }
        await brokerStandIn?.shutdown()
        try await standIn.shutdown()
    }

    /// The per-key fault options, read.
    private func keyFaultArguments() throws -> [KeyFaultArgument] {
        let options: [(name: String, kind: KeyFaultArgument.Kind, values: [String])] = [
            ("--refused-key", .refused, refusedKey),
            ("--rate-limited-key", .rateLimited, rateLimitedKey),
            ("--key-budget", .budget, keyBudget),
        ]
        return try options.flatMap { option in
            try option.values.map { value in
                guard let argument = KeyFaultArgument(value, kind: option.kind, duration: DurationParser.parse) else {
                    throw ValidationError("\(option.name): cannot read '\(value)'; see --help")
                }
                return argument
            }
        }
    }

    /// The `--retry-after` rule, when given.
    private func retryAfterRule() throws -> FaultPlan.RetryAfter? {
        switch retryAfter {
        case nil: nil
        case "seconds": FaultPlan.RetryAfter(form: .seconds)
        case "http-date": FaultPlan.RetryAfter(form: .httpDate)
        case let other?: throw ValidationError("--retry-after: expected seconds or http-date, not '\(other)'")
        }
    }

    /// The key in `path`, without surrounding whitespace; `what` names it in the error.
    static func readKey(_ path: String, what: String = "API key") throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("cannot read the \(what) file \(path)")
            throw ExitCode.config
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Keeps signal sources alive for the stream's lifetime (Dispatch sources are thread-safe).
private final class SignalSources: @unchecked Sendable {
    let sources: [any DispatchSourceSignal]
    init(_ sources: [any DispatchSourceSignal]) { self.sources = sources }
    func cancel() { sources.forEach { $0.cancel() } }
}
