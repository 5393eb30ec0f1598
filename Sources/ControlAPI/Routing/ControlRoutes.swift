/// What the daemon plugs into the control server: one method per request the API knows.
///
/// The server has already matched the path and method, percent-decoded the key, checked the
/// caller's access and parsed the body; implementations only decide. They run off the event
/// loop, so they may await the daemon's own actors.
public protocol ControlRoutes: Sendable {
    /// `GET /v1/status`: the status document.
    func status() async -> ControlResponse
    /// `GET /v1/agents/{key}`: one agent's entry, 404 if unknown.
    func agent(key: String) async -> ControlResponse
    /// `PUT /v1/agents/{key}/override`: sets an override; 200 and the entry, 404, or 409.
    func setOverride(key: String, _ change: OverrideChange) async -> ControlResponse
    /// `DELETE /v1/agents/{key}/override`: clears an override; 200 and the entry, or 404.
    func clearOverride(key: String) async -> ControlResponse
    /// `POST /v1/reload`: 200 applied or 422 refused, with the generation and the error.
    func reload() async -> ControlResponse
}
