import Yams

extension ConfigParser {
    /// The name of an entry of a named section (`accounts:`, `bots:`), which follows the rule of
    /// account names; `nil` when it breaks it (reported, naming the section).
    static func entryName(_ key: Node, kind: String, section: String, reader: inout YAMLNodeReader) -> String? {
        guard case .scalar(let scalar) = key, !YAMLNodeReader.isNull(key) else {
            reader.report(key, section, "\(kind) names must be plain names, found \(YAMLNodeReader.describe(key))")
            return nil
        }
        let name = scalar.string
        if SecretKeyPolicy.looksSecret(value: name) {
            reader.report(key, section, "this looks like a Brevo API key: " + SecretKeyPolicy.message)
            return nil
        }
        guard AccountSettings.isValidName(name) else {
            reader.report(key, section + "." + name, "\(ConfigText.quoted(name)) is not a valid \(kind) name: use 1 to 32 "
                + "lowercase letters, digits, \"-\" and \"_\", starting with a letter or a digit")
            return nil
        }
        return name
    }
}
