/// A hard check of agent email addresses.
///
/// Brevo creates a new "dummy" agent for an email it does not know, so a typo must be refused
/// before it reaches the wire. The rules are stricter than RFC 5322 on purpose: no quoted local
/// parts, no IP-literal domains, ASCII only.
public enum EmailAddress {
    /// Characters allowed in the local part besides letters, digits and dots (RFC 5322 atext).
    private static let localSpecials = Set("!#$%&'*+/=?^_`{|}~-")

    /// Whether `text` is an acceptable agent email address.
    public static func isValid(_ text: String) -> Bool { problem(in: text) == nil }

    /// Why `text` is not an acceptable email address, or `nil` when it is.
    public static func problem(in text: String) -> String? {
        if text.isEmpty { return "is empty" }
        if text.utf8.count > 254 { return "is longer than 254 characters" }
        if text.contains(where: \.isWhitespace) { return "contains a space" }
        if !text.allSatisfy(\.isASCII) { return "contains a non-ASCII character" }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return parts.count == 1 ? "has no @" : "has more than one @"
        }
        if let problem = localProblem(parts[0]) { return problem }
        return domainProblem(parts[1])
    }

    private static func localProblem(_ local: Substring) -> String? {
        if local.isEmpty { return "has nothing before the @" }
        if local.utf8.count > 64 { return "has more than 64 characters before the @" }
        if let bad = local.first(where: { !($0.isLetter || $0.isNumber || $0 == "." || localSpecials.contains($0)) }) {
            return "contains \"\(bad)\" before the @"
        }
        if local.hasPrefix(".") || local.hasSuffix(".") { return "starts or ends its local part with a dot" }
        if local.contains("..") { return "contains two dots in a row" }
        return nil
    }

    private static func domainProblem(_ domain: Substring) -> String? {
        if domain.isEmpty { return "has no domain after the @" }
        if domain.contains("..") { return "contains two dots in a row" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "has a domain without a dot" }
        for label in labels {
            if label.isEmpty { return "has an empty domain label" }
            if label.utf8.count > 63 { return "has a domain label longer than 63 characters" }
            if let bad = label.first(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
                return "contains \"\(bad)\" in its domain"
            }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                return "has a domain label that starts or ends with a hyphen"
            }
        }
        let tld = labels[labels.count - 1]
        if tld.count < 2 || !tld.allSatisfy(\.isLetter) {
            return "has a top-level domain that is not at least two letters"
        }
        return nil
    }
}
