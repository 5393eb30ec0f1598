import Foundation

/// Error bodies in Brevo's `{"code", "message"}` shape, or in the plan's other shapes.
enum StandInErrorBody {
    /// The content type and bytes of an error answer; `apiKey` is the request's, for
    /// ``FaultPlan/ErrorBody/echoedKey``.
    static func make(
        status: Int, message: String?, style: FaultPlan.ErrorBody, apiKey: String?
    ) -> (contentType: String, bytes: [UInt8]) {
        switch style {
        case .json:
            return json(status: status, message: message)
        case .echoedKey:
            return json(status: status, message: "Key not accepted: \(apiKey ?? "none")")
        case .html:
            let title = "\(status) \(reason(status))"
            let page = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
                + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            return ("text/html", Array(page.utf8))
        case .huge(let count):
            let line = Array("error \(status): this body is deliberately huge. ".utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(max(0, count))
            while bytes.count < count { bytes.append(line[bytes.count % line.count]) }
            return ("text/plain; charset=utf-8", bytes)
        }
    }

    private static func json(status: Int, message: String?) -> (contentType: String, bytes: [UInt8]) {
        let (code, text) = codeAndMessage(status: status)
        let json = "{\"code\":\"\(code)\",\"message\":\"\(escape(message ?? text))\"}"
        return ("application/json", Array(json.utf8))
    }

    private static func codeAndMessage(status: Int) -> (String, String) {
        switch status {
        case 400: ("missing_parameter", "Invalid request body")
        case 401: ("unauthorized", "Key not found")
        case 402: ("not_enough_credits", "Not enough credits")
        case 403: ("permission_denied", "Permission denied")
        case 404: ("not_found", "Invalid route")
        case 405: ("method_not_allowed", "Method not allowed")
        case 413: ("payload_too_large", "Request body too large")
        case 429: ("too_many_requests", "The expected rate limit is exceeded.")
        case 500...599: ("internal_error", "Service temporarily unavailable")
        default: ("error", "Request failed")
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Temporarily Unavailable"
        case 504: "Gateway Time-out"
        default: "Error"
        }
    }

    /// Escapes text for a JSON string literal.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
