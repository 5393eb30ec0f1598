extension StatusDocument {
    /// Builds the document from the scheduler's records, turning monotonic times into wall-clock ones.
    public init(
        records: [AgentRecord],
        window: Duration,
        clock: any PresenceClock,
        pid: Int32,
        config: ConfigStatus
    ) {
        self = StatusSnapshot(records: records, window: window, clock: clock, pid: pid, config: config).document
    }
}
