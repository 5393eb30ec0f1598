/// The version this build reports in its `User-Agent`.
public enum BrevoAPIVersion {
    /// The release version of agent-presenced.
    public static let current = "0.1.0"

    /// `agent-presenced/<version>`.
    public static var userAgent: String { "agent-presenced/\(current)" }
}
