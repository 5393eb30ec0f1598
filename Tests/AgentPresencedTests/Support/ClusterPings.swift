import BrevoStandIn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One ping the stand-in received, with the node that sent it (from its `User-Agent`).
struct ClusterPing {
    /// Arrival, in seconds of `CLOCK_MONOTONIC` (``ClusterPings/now()``'s clock).
    let at: Double
    let node: String
    let agent: String
    let ok: Bool
    let userAgent: String
}

/// Reading the stand-in's log of a cluster's pings: who pinged when, overlaps and gaps.
enum ClusterPings {
    /// Now on `CLOCK_MONOTONIC`, the clock the stand-in stamps requests with, in seconds.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Every ping so far, in arrival order, from `nodes` (all when `nil`).
    static func of(_ standIn: BrevoStandIn, nodes: Set<String>? = nil) -> [ClusterPing] {
        standIn.requests.compactMap { request -> ClusterPing? in
            guard request.path.hasSuffix("agentOnlinePing"), let agent = request.agent else { return nil }
            let userAgent = request.userAgent ?? ""
            let node = node(in: userAgent) ?? "?"
            guard nodes?.contains(node) ?? true else { return nil }
            return ClusterPing(at: Double(request.monotonicNanoseconds) / 1e9, node: node, agent: agent,
                               ok: (200..<300).contains(request.status ?? 0), userAgent: userAgent)
        }.sorted { $0.at < $1.at }
    }

    /// The node in `agent-presenced/<version> (node <node>)`.
    static func node(in userAgent: String) -> String? {
        guard let start = userAgent.range(of: " (node "), userAgent.hasSuffix(")") else { return nil }
        return String(userAgent[start.upperBound..<userAgent.index(before: userAgent.endIndex)])
    }

    /// Pings that break their node's one run: a node that pinged, was followed by another node,
    /// and pinged again. Every node leads at most once in these tests, so each must be zero.
    static func overlaps(_ pings: [ClusterPing]) -> [ClusterPing] {
        var finished: Set<String> = []
        var current: String?
        var breaking: [ClusterPing] = []
        for ping in pings {
            if ping.node == current { continue }
            if finished.contains(ping.node) {
                breaking.append(ping)
                continue
            }
            if let current { finished.insert(current) }
            current = ping.node
        }
        return breaking
    }

    /// The longest time an agent went without a successful ping, between `from` and `until`
    /// (the stretch before each agent's first ping after `from` counts from `from`).
    static func longestGap(_ pings: [ClusterPing], agents: [String], from: Double, until: Double) -> Double {
        var longest = 0.0
        for agent in agents {
            var last = from
            for ping in pings where ping.agent == agent && ping.ok && ping.at > from && ping.at <= until {
                longest = max(longest, ping.at - last)
                last = ping.at
            }
            longest = max(longest, until - last)
        }
        return longest
    }
}
