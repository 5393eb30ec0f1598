import Foundation
import PresenceCore

/// The JSON body of `agentOnlinePing`.
///
/// Either `{"agentId", "receivedFrom"?}` or `{"agentEmail", "agentName", "receivedFrom"}`:
/// Brevo requires `receivedFrom` in the email form, so a default tag fills in when none is set.
struct PingRequestBody: Encodable, Equatable, Sendable {
    /// The `receivedFrom` sent in the email form when the config sets none.
    static let defaultReceivedFrom = "agent-presenced"

    var agentId: String?
    var agentEmail: String?
    var agentName: String?
    var receivedFrom: String?

    init(_ request: PingRequest) {
        let tag = request.receivedFrom.flatMap { $0.isEmpty ? nil : $0 }
        switch request.identity {
        case .id(let id):
            agentId = id
            receivedFrom = tag
        case .email(let email, let name):
            agentEmail = email
            agentName = name
            receivedFrom = tag ?? Self.defaultReceivedFrom
        }
    }

    /// The body's bytes; nil fields are left out (synthesized `Encodable` skips nil optionals).
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings cannot fail.
        return (try? encoder.encode(self)).map { Array($0) } ?? []
    }
}
