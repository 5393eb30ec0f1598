import Foundation
import PresenceCore

extension OverrideChange {
    /// The fields a body may have; anything else is refused, so a typo such as `"untill"`
    /// is reported instead of silently setting an override with no end.
    static let bodyFields: Set<String> = ["mode", "until", "reason"]

    /// Parses a `PUT .../override` body strictly, naming what is wrong in the error.
    static func parse(json body: [UInt8]) throws(ControlRequestError) -> OverrideChange {
        guard !body.isEmpty else {
            throw .badRequest(#"the body is empty: expected {"mode": "away"|"online", "until": RFC 3339 time or null, "reason": text or null}"#)
        }
        do {
            return try JSONDecoder().decode(StrictBody.self, from: Data(body)).change
        } catch let problem as BodyProblem {
            throw .badRequest(problem.message)
        } catch {
            throw .badRequest("the body is not valid JSON")
        }
    }
}

/// A message for the caller, thrown from inside decoding so it survives `JSONDecoder`.
private struct BodyProblem: Error {
    var message: String
}

/// Any JSON object key, so unknown fields can be listed.
private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The override body, decoded field by field so each mistake gets its own message.
private struct StrictBody: Decodable {
    var change: OverrideChange

    init(from decoder: any Decoder) throws {
        let object: KeyedDecodingContainer<AnyKey>
        do {
            object = try decoder.container(keyedBy: AnyKey.self)
        } catch {
            throw BodyProblem(message: "the body must be a JSON object")
        }
        let unknown = object.allKeys.map(\.stringValue).filter { !OverrideChange.bodyFields.contains($0) }.sorted()
        guard unknown.isEmpty else {
            let list = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
            throw BodyProblem(message: "unknown field \(list): a body has only mode, until and reason")
        }
        let modes = OverrideChange.Mode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        guard let modeText = try? object.decode(String.self, forKey: AnyKey(stringValue: "mode")) else {
            let present = object.contains(AnyKey(stringValue: "mode"))
            throw BodyProblem(message: present ? "mode must be \(modes)" : "mode is missing: it must be \(modes)")
        }
        guard let mode = OverrideChange.Mode(rawValue: modeText) else {
            throw BodyProblem(message: "unknown mode \"\(modeText)\": it must be \(modes)")
        }
        let until = try Self.optionalString("until", in: object, expected: "an RFC 3339 time (e.g. 2026-05-01T18:00:00Z) or null")
        var end: Date?
        if let until {
            guard let date = RFC3339.date(from: until) else {
                throw BodyProblem(message: "until \"\(until)\" is not an RFC 3339 time (e.g. 2026-05-01T18:00:00Z or 2026-05-01T20:00:00.5+02:00)")
            }
            end = date
        }
        let reason = try Self.optionalString("reason", in: object, expected: "a string or null")
        change = OverrideChange(mode: mode, until: end, reason: reason)
    }

    /// The string at `name`, nil when absent or null, else a problem naming `expected`.
    private static func optionalString(
        _ name: String, in object: KeyedDecodingContainer<AnyKey>, expected: String
    ) throws -> String? {
        let key = AnyKey(stringValue: name)
        guard object.contains(key), !((try? object.decodeNil(forKey: key)) ?? false) else { return nil }
        guard let text = try? object.decode(String.self, forKey: key) else {
            throw BodyProblem(message: "\(name) must be \(expected)")
        }
        return text
    }
}
