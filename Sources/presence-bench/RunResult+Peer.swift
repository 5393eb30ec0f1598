extension RunResult {
    /// Adds the figures of `--peer`: the reference pinger's (`nil` where it did not run) and
    /// the floor's, with their ratios to the daemon's CPU per ping.
    mutating func addComparison(peer: PeerRun?, floor: FloorRun) {
        floorCpuUsPerRequest = floor.cpuUsPerRequest
        floorRequestsPerS = floor.requestsPerS
        daemonPerFloor = floor.cpuUsPerRequest > 0 ? cpuUsPerPing / floor.cpuUsPerRequest : nil
        guard let peer else { return }
        peerCpuUsPerPing = peer.cpuUsPerPing
        peerPingsPerS = peer.pingsPerS
        peerFailedRequests = peer.failedRequests
        peerPerDaemon = cpuUsPerPing > 0 ? peer.cpuUsPerPing / cpuUsPerPing : nil
    }

    /// The `--peer` figures' medians over `runs` (ratios too: the median of each run's ratio);
    /// the peer's failures take the worst run.
    mutating func takeComparisonMedians(of runs: [RunResult]) {
        func mid(_ value: (RunResult) -> Double?) -> Double? {
            let values = runs.compactMap(value)
            return values.isEmpty ? nil : medianValue(values)
        }
        peerCpuUsPerPing = mid(\.peerCpuUsPerPing)
        peerPingsPerS = mid(\.peerPingsPerS)
        peerFailedRequests = runs.compactMap(\.peerFailedRequests).max()
        floorCpuUsPerRequest = mid(\.floorCpuUsPerRequest)
        floorRequestsPerS = mid(\.floorRequestsPerS)
        daemonPerFloor = mid(\.daemonPerFloor)
        peerPerDaemon = mid(\.peerPerDaemon)
    }
}
