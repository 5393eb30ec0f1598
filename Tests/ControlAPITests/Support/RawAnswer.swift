import Foundation

/// One HTTP answer parsed from raw bytes (the first of them, if several).
struct RawAnswer: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String

    /// The `error` field of a JSON error body.
    var errorMessage: String? {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["error"] as? String
    }

    /// Parses every answer in `text`, in order (pipelined answers come back to back).
    static func parseAll(_ text: String) -> [RawAnswer] {
        var answers: [RawAnswer] = []
        var rest = Substring(text)
        while let split = rest.range(of: "\r\n\r\n") {
            let lines = rest[..<split.lowerBound].components(separatedBy: "\r\n")
            let parts = lines.first?.split(separator: " ") ?? []
            guard parts.count >= 2, let status = Int(parts[1]) else { break }
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...].drop { $0 == " " })
            }
            let length = Int(headers["content-length"] ?? "0") ?? 0
            let bodyStart = split.upperBound
            let bodyBytes = rest[bodyStart...].utf8.prefix(length)
            answers.append(RawAnswer(status: status, headers: headers, body: String(decoding: bodyBytes, as: UTF8.self)))
            rest = rest[rest.utf8.index(bodyStart, offsetBy: bodyBytes.count)...]
        }
        return answers
    }

    /// The first answer in `text`, if any.
    static func parse(_ text: String) -> RawAnswer? {
        parseAll(text).first
    }
}
