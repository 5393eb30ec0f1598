extension BrokerRecordedRequest {
    /// The request's line in the stand-in's log file:
    /// `{"t":1712345678.123,"kind":"start","status":200,"request_id":"…","user_agent":"…"}`.
    var logLine: String {
        let millis = Int64((receivedAt.timeIntervalSince1970 * 1000).rounded())
        let fraction = String(millis % 1000)
        let t = "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        let requestID = self.requestID.map(BrokerAnswerBody.quoted) ?? "null"
        let userAgent = self.userAgent.map(BrokerAnswerBody.quoted) ?? "null"
        return "{\"t\":\(t),\"kind\":\"\(kind.rawValue)\",\"status\":\(status),\"request_id\":\(requestID),\"user_agent\":\(userAgent)}\n"
    }
}
