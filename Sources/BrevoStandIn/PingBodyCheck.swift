import Foundation

/// Checks an `agentOnlinePing` body the way Brevo does, keeping the fields for the record.
struct PingBodyCheck: Sendable {
    var agentId: String?
    var agentEmail: String?
    var agentName: String?
    var receivedFrom: String?
    /// Why Brevo would answer 400; `nil` when the body is acceptable.
    var problem: String?

    init(body: [UInt8]) {
        guard
            !body.isEmpty,
            let object = try? JSONSerialization.jsonObject(with: Data(body)),
            let fields = object as? [String: Any]
        else {
            problem = "Request body must be a JSON object"
            return
        }
        agentId = fields["agentId"] as? String
        agentEmail = fields["agentEmail"] as? String
        agentName = fields["agentName"] as? String
        receivedFrom = fields["receivedFrom"] as? String
        problem = Self.problem(in: fields, agentId: agentId, email: agentEmail, name: agentName, receivedFrom: receivedFrom)
    }

    private static func problem(
        in fields: [String: Any], agentId: String?, email: String?, name: String?, receivedFrom: String?
    ) -> String? {
        if fields["agentId"] != nil {
            guard let agentId, !agentId.isEmpty else { return "agentId must be a non-empty string" }
            if fields["receivedFrom"] != nil, receivedFrom == nil { return "receivedFrom must be a string" }
            return nil
        }
        let emailForm = [email, name, receivedFrom]
        if emailForm.contains(where: { ($0 ?? "").isEmpty }) {
            return "Either agentId, or agentEmail, agentName and receivedFrom are required"
        }
        return nil
    }
}
