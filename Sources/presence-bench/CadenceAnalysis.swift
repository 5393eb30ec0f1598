import Foundation
import PresenceCore

/// Per-agent cadence figures from the stand-in's record of successful pings.
///
/// - Gap error: |gap − interval| over the gaps between consecutive successes of one agent,
///   leaving out each agent's first gap (its first ping sits on the startup spread, by design).
///   With fresh ±jitter per tick this is up to 2 × jitter by design.
/// - Grid error: how far each steady ping landed from its agent's grid point
///   (`origin + phase + k · interval`, the phase from the same `PingSchedule.phase(of:)` the
///   daemon uses, the common origin estimated from all pings). By design it is at most the
///   jitter; anything beyond is timer lateness or queueing.
/// - Lapses: an agent of the roster going longer than the presence window without a success
///   (before its first ping, between two pings, or at the end of the run).
///
/// Lapses and both errors cover the agents the stand-in serves normally; the agents of the
/// accounts it rate-limits (``AccountLayout``) are held by design, and ``AccountHoldAnalysis``
/// looks at them.
struct CadenceAnalysis {
    var pingsInWindow = 0
    var gapErrors: Percentiles
    var gridErrors: Percentiles
    var lapses = 0
    var agentsPinged = 0
    var extraPings = 0
    var missingPings = 0
    var unchangedAgentsChecked = 0

    /// Analyses `log` for `scenario`; times are wall-clock seconds. `reloadAt` (wall) marks a
    /// reload that replaced agent 0 with ``BenchWorkspace/replacementID``.
    init(
        log: RequestLogReader, scenario: BenchScenario,
        readyAt: Double, windowStart: Double, windowEnd: Double, reloadAt: Double?
    ) {
        let interval = scenario.interval
        let schedule = PingSchedule(origin: MonotonicTime(nanoseconds: 0), interval: .milliseconds(Int64(interval * 1000)), jitter: .zero)
        var gaps: [Double] = []
        var residues: [(agent: Int, value: Double)] = []
        var phases: [Double] = []
        gaps.reserveCapacity(log.successes.values.reduce(0) { $0 + $1.count })

        var roster = (0..<scenario.agents).map(BenchWorkspace.agentID)
        if reloadAt != nil { roster[0] = BenchWorkspace.replacementID }
        for (index, id) in roster.enumerated() {
            let times = log.successes[id] ?? []
            if !times.isEmpty { agentsPinged += 1 }
            pingsInWindow += times.count { $0 >= windowStart && $0 <= windowEnd }
            let key = AgentSpec(identity: .id(id), account: scenario.accountName(ofAgent: index)).key
            phases.append(Double(schedule.phase(of: key).nanoseconds) / 1e9)
            guard scenario.isUnaffected(agent: index) else { continue }
            let start = id == BenchWorkspace.replacementID ? (reloadAt ?? readyAt) : readyAt
            lapses += Self.lapses(times, from: start, to: windowEnd, window: scenario.presenceWindow)
            for (offset, time) in times.enumerated() where offset >= 1 {
                residues.append((index, time))
                if offset >= 2 { gaps.append(abs(time - times[offset - 1] - interval)) }
            }
            if let reloadAt, id != BenchWorkspace.replacementID {
                unchangedAgentsChecked += 1
                let (extra, missing) = Self.reloadAnomalies(times, reloadAt: reloadAt, interval: interval)
                extraPings += extra
                missingPings += missing
            }
        }
        gapErrors = Percentiles(gaps)
        gridErrors = Percentiles(Self.gridErrors(residues, phases: phases, interval: interval))
    }

    /// Lapses of one agent: stretches longer than `window` without a success in `[start, end]`.
    static func lapses(_ times: [Double], from start: Double, to end: Double, window: Double) -> Int {
        var count = 0
        var last = start
        for time in times {
            if time - last > window { count += 1 }
            last = max(last, time)
        }
        if end - last > window { count += 1 }
        return count
    }

    /// Around a reload, an unchanged agent keeps its cadence: every gap that ends within two
    /// intervals after the reload (or spans it) lies within `[interval/2, 1.5·interval]` (jitter
    /// is at most a quarter interval). A shorter gap is an extra ping, a longer one a missing one.
    static func reloadAnomalies(_ times: [Double], reloadAt: Double, interval: Double) -> (extra: Int, missing: Int) {
        var extra = 0, missing = 0
        for (offset, time) in times.enumerated() where offset >= 1 {
            let previous = times[offset - 1]
            guard time > reloadAt, previous < reloadAt + 2 * interval else { continue }
            let gap = time - previous
            if gap < interval / 2 { extra += 1 }
            if gap > interval * 1.5 { missing += max(1, Int((gap / interval).rounded()) - 1) }
        }
        // No ping at all after the reload, though the run went on: count the missing ticks.
        if let last = times.last, last < reloadAt, times.count > 1 { missing += 1 }
        return (extra, missing)
    }

    /// Distance of each ping from its agent's grid point, the common origin estimated as the
    /// circular mean of `(t − phase) mod interval` over all pings.
    static func gridErrors(_ residues: [(agent: Int, value: Double)], phases: [Double], interval: Double) -> [Double] {
        guard !residues.isEmpty else { return [] }
        func fold(_ value: Double, _ agent: Int) -> Double {
            let r = (value - phases[agent]).truncatingRemainder(dividingBy: interval)
            return r < 0 ? r + interval : r
        }
        var sine = 0.0, cosine = 0.0
        for residue in residues {
            let angle = fold(residue.value, residue.agent) / interval * 2 * Double.pi
            sine += sin(angle)
            cosine += cos(angle)
        }
        var origin = atan2(sine, cosine) / (2 * Double.pi) * interval
        if origin < 0 { origin += interval }
        return residues.map { residue in
            var delta = fold(residue.value, residue.agent) - origin
            if delta > interval / 2 { delta -= interval }
            if delta < -interval / 2 { delta += interval }
            return abs(delta)
        }
    }
}
