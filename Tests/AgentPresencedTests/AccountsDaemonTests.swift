import BrevoStandIn
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue #11 with the built binary against the stand-in over a socket: two accounts with their
/// own keys in one daemon; the stand-in rate-limits one key only, and a reload adds, removes
/// and re-keys accounts.
@Suite struct AccountsDaemonTests {
    static let betaKey = "beta-key-\(UUID().uuidString)"
    static let betaNewKey = "beta-new-key-\(UUID().uuidString)"
    static let gammaKey = "gamma-key-\(UUID().uuidString)"
    /// interval + 2·jitter for the 2 s ± 200 ms cadence, plus 250 ms for a timer and a request
    /// to reach the stand-in on a busy machine. It bounds the gaps on the grid: the first ping
    /// goes out within the startup spread, off the grid, and the second may follow it by up to
    /// 1.5 intervals + jitter (see `PingSchedule.earliestNextGrid`), so the first gap is left out.
    static let longestGap = 2.0 + 2 * 0.2 + 0.25

    /// Gaps between an agent's pings once it is on its grid.
    static func gridGaps(_ daemon: DaemonUnderTest, _ agent: String) -> [Double] {
        Array(gapsInSeconds(daemon.pingTimes(agent)).dropFirst())
    }

    /// The config of `accounts` (name and key file) with agents `<account>-1` and `<account>-2`.
    static func config(_ daemon: DaemonUnderTest, accounts: [(name: String, keyFile: String)]) -> String {
        var text = "accounts:\n"
        for account in accounts {
            text += "  \(account.name):\n    base_url: \(daemon.standIn.baseURL)\n    api_key_file: \(account.keyFile)\n"
        }
        text += """
            ping:
              interval: 2s
              jitter: 200ms
              timeout: 1s
              presence_window: 6s
            status_file: \(daemon.statusPath)
            agents:

            """
        for account in accounts {
            text += "  - id: \(account.name)-1\n    account: \(account.name)\n  - id: \(account.name)-2\n    account: \(account.name)\n"
        }
        return text
    }

    @Test func aRateLimitOnOneKeyLeavesTheOtherAccountsCadenceAlone() async throws {
        try await withDaemon(agents: "", otherKeys: [Self.betaKey]) { daemon in
            // acme uses the daemon's usual key, which the stand-in now rate-limits for 20 s.
            var limited = FaultPlan.none
            limited.keyFaults[daemon.apiKey] = .rateLimited(for: .seconds(20))
            daemon.standIn.setFaults(limited)
            let betaKeyFile = try daemon.folder.write("beta-key", Self.betaKey + "\n")
            try daemon.writeConfig(text: Self.config(daemon, accounts: [("acme", daemon.folder.path + "/brevo-api-key"), ("beta", betaKeyFile)]))

            let ready = try #require(try daemon.start())
            #expect(ready.contains("4 agents in 2 accounts") || ready.contains("in 2 accounts"), "\(ready)")
            #expect(daemon.waitForRequests { requests in
                ["beta-1", "beta-2"].allSatisfy { agent in requests.filter { $0.agent == agent && $0.status == 201 }.count >= 5 }
            })
            #expect(daemon.waitForStatus { json in
                (json["accounts"] as? [String: [String: Any]])?["acme"]?["state"] as? String == "rate_limited"
            })
            let status = try #require(daemon.statusJSON())
            let accounts = try #require(status["accounts"] as? [String: [String: Any]])
            #expect(accounts["beta"]?["state"] as? String == "active")
            #expect(accounts["acme"]?["until"] is String && accounts["acme"]?["reason"] is String)
            let agents = try #require(status["agents"] as? [[String: Any]])
            let states = Dictionary(uniqueKeysWithValues: agents.compactMap { agent in
                (agent["key"] as? String).map { ($0, agent["state"] as? String ?? "") }
            })
            // Held past the 6 s presence window, paused agents are reported lapsed.
            let held: Set<String?> = ["paused", "lapsed"]
            #expect(held.contains(states["acme/id:acme-1"]) && held.contains(states["acme/id:acme-2"]), "\(states)")
            #expect(states["beta/id:beta-1"] == "online" && states["beta/id:beta-2"] == "online", "\(states)")
            let table = try DaemonBinary.run(["status", "--status-file", daemon.statusPath], environment: daemon.environment())
            #expect(table.status == 0, "\(table.stderr)")
            let lines = table.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            #expect(lines.contains { $0.first == "ACCOUNT" && $0.contains("REQUESTS/H") }, "no accounts table: \(table.stdout)")
            #expect(lines.contains { $0.prefix(2) == ["acme", "rate_limited"] })
            #expect(lines.contains { $0.prefix(3) == ["beta-1", "beta", "online"] }, "no account column")
            let stopped = daemon.stop()
            #expect(stopped.status == 0)

            for agent in ["beta-1", "beta-2"] {
                let gaps = Self.gridGaps(daemon, agent)
                print("beta cadence \(agent): gaps " + gaps.map { String(format: "%.2f", $0) }.joined(separator: " ") + " s")
                #expect(gaps.allSatisfy { $0 <= Self.longestGap }, "\(agent): a gap above interval + 2·jitter: \(gaps)")
            }
            let acme = daemon.standIn.requests.filter { $0.agent?.hasPrefix("acme-") == true }
            #expect(acme.filter { $0.status == 429 }.count <= 2, "acme kept pinging while rate-limited: \(acme.count) requests")
            #expect(daemon.standIn.requests.filter { $0.agent?.hasPrefix("beta-") == true }.allSatisfy { $0.apiKey == Self.betaKey })
            #expect(stopped.stderr.contains("account=acme"), "no log entry names the account")
            #expect(!stopped.stderr.contains(Self.betaKey) && !stopped.stderr.contains(daemon.apiKey))
        }
    }

    @Test func aReloadAddsRemovesAndReKeysAccountsKeepingTheUnchangedCadence() async throws {
        try await withDaemon(agents: "", otherKeys: [Self.betaKey, Self.betaNewKey, Self.gammaKey]) { daemon in
            let acmeKeyFile = daemon.folder.path + "/brevo-api-key"
            let betaKeyFile = try daemon.folder.write("beta-key", Self.betaKey + "\n")
            let gammaKeyFile = try daemon.folder.write("gamma-key", Self.gammaKey + "\n")
            try daemon.writeConfig(text: Self.config(daemon, accounts: [("acme", acmeKeyFile), ("beta", betaKeyFile)]))
            #expect(try daemon.startAndWaitForStatus())
            #expect(daemon.waitForRequests { requests in requests.filter { $0.agent == "beta-1" }.count >= 3 })

            // Same beta account, same file, a new key in it: the next request must carry it.
            _ = try daemon.folder.write("beta-key", Self.betaNewKey + "\n")
            try daemon.writeConfig(text: Self.config(daemon, accounts: [("beta", betaKeyFile), ("gamma", gammaKeyFile)]))
            let reload = try daemon.runReload()
            #expect(reload.status == 0, "\(reload.stderr)")
            let reloadAt = daemon.standIn.requests.last?.monotonicNanoseconds ?? 0
            #expect(daemon.waitForRequests { requests in
                requests.filter { $0.agent == "gamma-1" }.count >= 3 && requests.filter { $0.agent == "beta-2" && $0.apiKey == Self.betaNewKey }.count >= 3
            })
            #expect(daemon.stopWithin() == 0)

            let after = daemon.standIn.requests.filter { $0.monotonicNanoseconds > reloadAt + 1_000_000_000 }
            #expect(!after.contains { $0.agent?.hasPrefix("acme-") == true }, "a removed account's agents still pinged")
            #expect(after.filter { $0.agent?.hasPrefix("beta-") == true }.allSatisfy { $0.apiKey == Self.betaNewKey }, "beta kept its old key")
            #expect(after.filter { $0.agent?.hasPrefix("gamma-") == true }.allSatisfy { $0.apiKey == Self.gammaKey && $0.status == 201 })
            for agent in ["beta-1", "beta-2"] {
                let gaps = Self.gridGaps(daemon, agent)
                print("beta cadence across the reload \(agent): gaps " + gaps.map { String(format: "%.2f", $0) }.joined(separator: " ") + " s")
                #expect(gaps.allSatisfy { $0 >= 1 && $0 <= Self.longestGap }, "\(agent): \(gaps)")
            }
            let accounts = (daemon.statusJSON()?["accounts"] as? [String: Any]).map { Set($0.keys) }
            #expect(accounts == ["beta", "gamma"])
        }
    }

    @Test func aMissingKeyOfOneAccountRefusesTheReloadAndKeepsTheOldConfig() async throws {
        try await withDaemon(agents: "", otherKeys: [Self.betaKey]) { daemon in
            let acmeKeyFile = daemon.folder.path + "/brevo-api-key"
            let betaKeyFile = try daemon.folder.write("beta-key", Self.betaKey + "\n")
            try daemon.writeConfig(text: Self.config(daemon, accounts: [("acme", acmeKeyFile), ("beta", betaKeyFile)]))
            #expect(try daemon.startAndWaitForStatus())
            try daemon.writeConfig(text: Self.config(daemon, accounts: [("acme", acmeKeyFile), ("beta", daemon.folder.path + "/no-such-key")]))
            let reload = try daemon.runReload()
            #expect(reload.status == 78, "\(reload.stderr)")
            #expect(reload.stderr.contains("accounts.beta.api_key_file"), "\(reload.stderr)")
            let before = daemon.standIn.requests.count
            #expect(daemon.waitForRequests { $0.count >= before + 8 })
            #expect(daemon.standIn.requests.suffix(8).allSatisfy { $0.status == 201 })
            #expect(daemon.stopWithin() == 0)
        }
    }
}
