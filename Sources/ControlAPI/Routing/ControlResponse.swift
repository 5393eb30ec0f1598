import Foundation

/// One answer of the control API: a status code and a JSON body.
///
/// The daemon builds these in its ``ControlRoutes`` implementation; the server adds
/// `Content-Type: application/json` and `Content-Length` and writes them back.
public struct ControlResponse: Sendable, Equatable {
    /// The HTTP status code, e.g. 200.
    public var status: Int
    /// The JSON body's bytes.
    public var body: [UInt8]
    /// Extra response headers (name, value), e.g. `Allow` on a 405.
    public var headers: [HeaderField]

    /// One header line of a response.
    public struct HeaderField: Sendable, Equatable {
        /// The header's name, e.g. `Allow`.
        public var name: String
        /// The header's value.
        public var value: String

        /// A header line `name: value`.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// An answer with `status` and the JSON bytes `body`, as given.
    public init(status: Int, body: [UInt8], headers: [HeaderField] = []) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    /// An answer whose body is `bytes`, already JSON.
    public static func json(_ status: Int, bytes: [UInt8]) -> ControlResponse {
        ControlResponse(status: status, body: bytes)
    }

    /// An answer whose body is `value` encoded with `encoder` (by default sorted keys,
    /// unescaped slashes, RFC 3339 dates); an encoding failure becomes a 500, since it is a bug
    /// on the daemon's side and the caller still deserves a JSON answer.
    public static func json(
        _ status: Int, _ value: some Encodable, encoder: JSONEncoder = ControlResponse.makeEncoder()
    ) -> ControlResponse {
        do {
            return ControlResponse(status: status, body: Array(try encoder.encode(value)))
        } catch {
            return .error(500, "could not encode the answer: \(error)")
        }
    }

    /// An error answer: `{"error": message}`.
    public static func error(_ status: Int, _ message: String, headers: [HeaderField] = []) -> ControlResponse {
        let encoded = try? ControlResponse.makeEncoder().encode(["error": message])
        // Encoding a [String: String] cannot fail; the fallback only keeps the type honest.
        return ControlResponse(status: status, body: Array(encoded ?? Data(#"{"error":"error"}"#.utf8)), headers: headers)
    }

    /// The encoder ``json(_:_:encoder:)`` uses by default.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The `error` message of an error body, if the body is one (for clients and tests).
    public var errorMessage: String? {
        struct ErrorBody: Decodable { var error: String }
        return (try? JSONDecoder().decode(ErrorBody.self, from: Data(body)))?.error
    }
}
