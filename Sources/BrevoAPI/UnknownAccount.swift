/// A ping named an account the client holds no credentials for (never configured, or removed
/// by ``BrevoClient/updateCredentials(_:)``): it is not sent.
struct UnknownAccount: Error {
    /// The account's name, as the request gave it.
    var name: String

    /// A one-line message naming the account (and nothing else: no key).
    var message: String {
        "no credentials for account \"\(MessageText.sanitize(name, redacting: ""))\""
    }
}
