import Foundation

/// Brevo's error body, `{"code": string, "message": string}`, read tolerantly.
///
/// `code` is free text (Brevo adds codes without notice) and is kept as a string; a number is
/// turned into its text. A body that is not such JSON (a proxy's HTML page, plain text) gives
/// its first characters as the message.
struct BrevoErrorBody: Equatable, Sendable {
    var code: String?
    var message: String?

    init(code: String?, message: String?) {
        self.code = code
        self.message = message
    }

    /// Decodes `bytes`; `secret` is redacted from every field.
    init(bytes: [UInt8], redacting secret: String) {
        guard !bytes.isEmpty else { return }
        if
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
            let fields = object as? [String: Any],
            fields["code"] != nil || fields["message"] != nil
        {
            code = Self.text(fields["code"]).map { MessageText.sanitize($0, redacting: secret) }
            message = Self.text(fields["message"]).map { MessageText.sanitize($0, redacting: secret) }
            return
        }
        // Not Brevo's JSON: keep the start of the text, decoded leniently.
        let head = String(decoding: bytes.prefix(MessageText.maximumLength * 4), as: UTF8.self)
        let line = MessageText.sanitize(head, redacting: secret)
        message = line.isEmpty ? nil : line
    }

    private static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String: string
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}
