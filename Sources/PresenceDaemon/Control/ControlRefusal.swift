/// Why the running daemon refused a control request, with the HTTP status that says so.
public struct ControlRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status: 400 bad request, 404 unknown agent, 409 disabled agent.
    public var status: Int
    /// One line for the caller.
    public var message: String

    /// Creates a refusal.
    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
