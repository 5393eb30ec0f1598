/// What the Broker stand-in's HTTP handler should answer to one request: its engine's decision.
struct BrokerReply: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    /// Time to wait before answering.
    var delay: Duration

    /// A JSON answer.
    static func json(_ status: Int, _ body: [UInt8], headers: [(String, String)] = []) -> BrokerReply {
        BrokerReply(status: status, headers: [("content-type", "application/json")] + headers, body: body, delay: .zero)
    }

    /// The Broker's error answer, `{"message": …}`.
    static func error(_ status: Int, _ message: String, headers: [(String, String)] = []) -> BrokerReply {
        json(status, BrokerAnswerBody.error(message), headers: headers)
    }

    /// An HTML page with status 200, as a misrouted proxy or login page would send.
    static var htmlPage: BrokerReply {
        BrokerReply(status: 200, headers: [("content-type", "text/html")], body: BrokerAnswerBody.htmlPage, delay: .zero)
    }
}
