/// Why a request was refused before it reached the daemon: a status, a message for the
/// caller, and for a 405 the methods the path does allow.
struct ControlRequestError: Error, Equatable {
    var status: Int
    var message: String
    var allow: [String] = []

    /// 400 with `message`.
    static func badRequest(_ message: String) -> ControlRequestError {
        ControlRequestError(status: 400, message: message)
    }

    /// The JSON error answer, with `Allow` on a 405.
    var response: ControlResponse {
        let headers = allow.isEmpty ? [] : [ControlResponse.HeaderField(name: "Allow", value: allow.joined(separator: ", "))]
        return .error(status, message, headers: headers)
    }
}
