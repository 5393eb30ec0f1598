/// The release version of agent-presenced and how it names itself on the wire: the one place
/// `--version` and every `User-Agent` take it from.
public enum ProductVersion {
    /// The release version.
    public static let current = "0.2.0"

    /// The `User-Agent` of every request the daemon sends: `agent-presenced/<version>`, and in
    /// a cluster ` (node <node>)` appended.
    ///
    /// - Parameter node: this node's name in a cluster; `nil` (or empty) outside one.
    public static func userAgent(node: String? = nil) -> String {
        let product = "agent-presenced/\(current)"
        guard let node, !node.isEmpty else { return product }
        return product + " (node \(node))"
    }
}
