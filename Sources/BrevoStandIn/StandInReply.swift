/// What the HTTP handler should do with one request: the engine's decision.
struct StandInReply: Sendable {
    /// How the connection ends this exchange.
    enum Action: Sendable, Equatable {
        /// Send the answer.
        case answer
        /// Never answer.
        case hang
        /// Close cleanly without an answer.
        case close
        /// Reset (RST) without an answer.
        case reset
    }

    var action: Action
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    /// Time to wait before answering.
    var delay: Duration
    var trickle: FaultPlan.Trickle?
    /// Close the connection after the answer.
    var closeAfter: Bool

    static func silent(_ action: Action, delay: Duration) -> StandInReply {
        StandInReply(action: action, status: 0, headers: [], body: [], delay: delay, trickle: nil, closeAfter: true)
    }
}
