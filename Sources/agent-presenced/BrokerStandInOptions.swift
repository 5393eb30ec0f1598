import ArgumentParser
import BrevoStandIn
import Foundation

/// The `standin` command's options for a Broker stand-in beside the Brevo one: a bot for the
/// end-to-end test, switched down and up at run time with `PUT /_standin/broker-fault` on the
/// Brevo stand-in's port.
struct BrokerStandInOptions: ParsableArguments {
    @Option(help: "Also serve a stand-in of a bot's Broker API on this port (0: any free port).")
    var brokerPort: Int?

    @Option(help: "A file holding an API-KEY the Broker stand-in accepts; repeatable.")
    var brokerApiKeyFile: [String] = []

    @Option(help: "The OAuth2 client the Broker stand-in's token endpoint serves; then every Broker request needs its token.")
    var brokerClientId: String?

    @Option(help: "A file holding the secret of --broker-client-id.")
    var brokerClientSecretFile: String?

    @Option(help: "Write the Broker stand-in's port to this file once ready.")
    var brokerPortFile: String?

    @Option(help: "Append one JSON line per Broker request to this file.")
    var brokerLog: String?

    @Option(help: ArgumentHelp(
        "The Broker stand-in's fault at start: none, down, slow=2s, status=461, status=429,retry-after=30, empty-answers, "
            + "answer=TEXT, unclosable, not-json, huge, wrong-shape, token-no-access-token, token-html.",
        valueName: "spec"
    ))
    var brokerFault: String?

    func validate() throws {
        guard let brokerPort else {
            let given = [brokerApiKeyFile.isEmpty ? nil : "--broker-api-key-file", brokerClientId.map { _ in "--broker-client-id" },
                brokerClientSecretFile.map { _ in "--broker-client-secret-file" }, brokerPortFile.map { _ in "--broker-port-file" },
                brokerLog.map { _ in "--broker-log" }, brokerFault.map { _ in "--broker-fault" }].compactMap { $0 }
            if let first = given.first { throw ValidationError("\(first) needs --broker-port") }
            return
        }
        guard (0...65_535).contains(brokerPort) else { throw ValidationError("--broker-port: expected 0 to 65535") }
        guard !brokerApiKeyFile.isEmpty else { throw ValidationError("--broker-port needs --broker-api-key-file") }
        guard (brokerClientId == nil) == (brokerClientSecretFile == nil) else {
            throw ValidationError("--broker-client-id and --broker-client-secret-file go together")
        }
        _ = try initialFault()
    }

    /// Starts the Broker stand-in on `host` when `--broker-port` is given, with its initial
    /// fault in force, and writes its port file.
    func start(host: String, tls: StandInTLS?) async throws -> BrokerStandIn? {
        guard let brokerPort else { return nil }
        let apiKeys = try brokerApiKeyFile.map { try StandInCommand.readKey($0, what: "Broker API key") }
        let client = try brokerClientId.map { id in
            (id: id, secret: try StandInCommand.readKey(brokerClientSecretFile ?? "", what: "Broker client secret"))
        }
        let broker = try await BrokerStandIn.start(host: host, port: brokerPort, apiKeys: apiKeys, client: client, logFile: brokerLog, tls: tls)
        do {
            try await broker.setFault(try initialFault())
            if let brokerPortFile { try String(broker.port).write(toFile: brokerPortFile, atomically: true, encoding: .utf8) }
        } catch {
            await broker.shutdown()
            throw error
        }
        return broker
    }

    /// `--broker-fault`, read; no fault when it is not given.
    private func initialFault() throws -> BrokerFault {
        guard let brokerFault else { return .none }
        guard let fault = BrokerFault(argument: brokerFault) else {
            throw ValidationError("--broker-fault: cannot read '\(brokerFault)'; see --help")
        }
        return fault
    }
}
