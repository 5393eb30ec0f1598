/// The one line `systemctl status` shows (`STATUS=`), across accounts and bots.
///
/// The one-account form keeps its line: `12 agents: 11 online, 1 retrying; paused: <reason>`.
/// The `accounts:` form says how many accounts, and names the held ones with a short reason:
/// `300 agents in 12 accounts: 296 online, 4 paused (acme: key refused)`.
/// Either form names the bots that are down at the end: `; bot helpbot down`, or
/// `; bots down: faq, helpbot`.
/// In a cluster, the role comes first: `leader, epoch 7; 12 agents: 12 online`, or
/// `standby (leader: web-1); 12 agents: 12 standby` (`standby (no leader yet); …`).
public enum StatusLine {
    /// Accounts named in one line at most; more are counted.
    static let namedAccountLimit = 3
    /// Bots named in one line at most; more are counted.
    static let namedBotLimit = 3

    /// The line for `summary`, `accounts` and `bots`; `namesAccounts` tells the two forms apart.
    /// `cluster`, the lease as this node sees it, only in a cluster.
    public static func text(
        summary: RosterSummary, accounts: [PresenceAccount], namesAccounts: Bool, bots: [BotReport] = [], cluster: LeaseKeeper? = nil
    ) -> String {
        let line = accountsLine(summary: summary, accounts: accounts, namesAccounts: namesAccounts) + downBots(bots)
        return cluster.map { role($0) + "; " + line } ?? line
    }

    /// `leader, epoch 7`, `standby (leader: web-1)` or `standby (no leader yet)`.
    static func role(_ lease: LeaseKeeper) -> String {
        switch lease.role {
        case .leader:
            return lease.epoch.map { "leader, epoch \($0)" } ?? "leader"
        case .standby:
            return lease.knownLeader(node: nil).map { "standby (leader: \($0))" } ?? "standby (no leader yet)"
        }
    }

    /// `; bot helpbot down`, `; bots down: a, b, c, 2 more`, or nothing while none is down.
    static func downBots(_ bots: [BotReport]) -> String {
        let down = bots.filter { $0.health.state == .down }.map(\.name).sorted()
        guard down.count > 1 else { return down.first.map { "; bot \($0) down" } ?? "" }
        var named = down.prefix(namedBotLimit).joined(separator: ", ")
        if down.count > namedBotLimit { named += ", \(down.count - namedBotLimit) more" }
        return "; bots down: " + named
    }

    private static func accountsLine(summary: RosterSummary, accounts: [PresenceAccount], namesAccounts: Bool) -> String {
        guard namesAccounts else { return oneAccountLine(summary: summary, account: accounts.first) }
        var line = summary.line
        let noun = accounts.count == 1 ? "account" : "accounts"
        if let colon = line.firstIndex(of: ":") {
            line.insert(contentsOf: " in \(accounts.count) \(noun)", at: colon)
        } else {
            line += " in \(accounts.count) \(noun)"
        }
        let held = accounts.compactMap { account in shortReason(account).map { "\(account.name): \($0)" } }
        if !held.isEmpty {
            var named = held.prefix(namedAccountLimit).joined(separator: "; ")
            if held.count > namedAccountLimit { named += "; \(held.count - namedAccountLimit) more" }
            line += " (\(named))"
        }
        let stretched = accounts.filter(\.plan.stretched).count
        if stretched > 0 { line += "; interval stretched by the budget in \(stretched) \(stretched == 1 ? "account" : "accounts")" }
        return line
    }

    private static func oneAccountLine(summary: RosterSummary, account: PresenceAccount?) -> String {
        var line = summary.line
        guard let account else { return line }
        if let reason = account.gate.pauseReason { line += "; paused: " + reason }
        if account.plan.stretched { line += "; interval stretched to \(DurationFormat.string(account.plan.interval)) by the budget" }
        return line
    }

    private static func shortReason(_ account: PresenceAccount) -> String? {
        switch account.gate.pause {
        case nil: nil
        case .rateLimited?: "rate limited"
        case .refused?: "key refused"
        }
    }
}
