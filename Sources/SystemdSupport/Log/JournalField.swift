/// One field of a native journal entry: a valid name and a value of any bytes and any size.
public struct JournalField: Sendable, Hashable {
    /// The field name, already valid for journald (`[A-Z0-9_]`, ≤ 64, no leading `_` or digit).
    public var name: String
    /// The value bytes, sent whole (journald accepts newlines and binary data).
    public var value: [UInt8]

    /// Creates a field from a name and raw value bytes.
    public init(name: String, value: [UInt8]) {
        self.name = name
        self.value = value
    }

    /// Creates a field from a name and a UTF-8 text value.
    public init(name: String, text: String) {
        self.init(name: name, value: Array(text.utf8))
    }

    /// The value as UTF-8 text (invalid sequences repaired), for tests and diagnostics.
    public var text: String {
        String(decoding: value, as: UTF8.self)
    }

    /// The `NAME=value` bytes of one iovec handed to `sd_journal_sendv`.
    public var assignment: [UInt8] {
        Array(name.utf8) + [UInt8(ascii: "=")] + value
    }
}
