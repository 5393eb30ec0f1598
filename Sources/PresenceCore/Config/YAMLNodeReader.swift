import Yams

/// Walks a composed YAML tree of one file and collects every problem instead of stopping at the first.
///
/// Each reader returns `nil` after recording an issue, so callers keep going and a file with three
/// mistakes yields three issues.
struct YAMLNodeReader {
    /// The file named in every issue.
    let file: String
    /// The problems found so far, in the order found.
    private(set) var issues: [ConfigIssue] = []

    init(file: String) {
        self.file = file
    }

    /// The location of `node` in this file.
    func location(_ node: Node?) -> ConfigLocation {
        ConfigLocation(file: file, line: node?.mark?.line)
    }

    /// Records a problem at `node`.
    mutating func report(_ node: Node?, _ keyPath: String, _ message: String) {
        issues.append(ConfigIssue(location: location(node), keyPath: keyPath, message: message))
    }

    /// Records a problem at a known location.
    mutating func report(at location: ConfigLocation, _ keyPath: String, _ message: String) {
        issues.append(ConfigIssue(location: location, keyPath: keyPath, message: message))
    }

    /// Whether `node` is YAML null (`key:` with nothing after it, `~`, `null`).
    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node { return PlainScalar.isNull(scalar) }
        return false
    }

    /// How a node is named in "expected X, found Y" messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar): return isNull(node) ? "nothing" : ConfigText.quoted(scalar.string)
        }
    }

    /// One known key of a mapping with its nodes.
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
    }

    /// The entries of `mapping` whose keys are in `known`; every other key is reported.
    ///
    /// `misplaced` lets a caller explain a key that is valid elsewhere (a drop-in naming `ping`).
    mutating func entries(
        of mapping: Node.Mapping, at path: String, known: [String],
        misplaced: (String) -> String? = { _ in nil }
    ) -> [String: Entry] {
        var result: [String: Entry] = [:]
        forEachEntry(of: mapping, at: path, known: known, misplaced: misplaced) { entry in
            result[entry.key] = entry
        }
        return result
    }

    /// Calls `body` with each entry of `mapping` whose key is in `known`; every other key is
    /// reported. `path` is built only for a report: a roster has 100,000 of these mappings.
    mutating func forEachEntry(
        of mapping: Node.Mapping, at path: @autoclosure () -> String, known: [String],
        misplaced: (String) -> String? = { _ in nil }, _ body: (Entry) -> Void
    ) {
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode, !Self.isNull(keyNode) else {
                report(keyNode, path(), "keys must be plain names, found \(Self.describe(keyNode))")
                continue
            }
            let key = scalar.string
            if known.contains(key) {
                body(Entry(key: key, keyNode: keyNode, value: value))
                continue
            }
            let keyPath = ConfigText.join(path(), key)
            if SecretKeyPolicy.looksSecret(key: key) {
                report(keyNode, keyPath, SecretKeyPolicy.message)
            } else if let explanation = misplaced(key) {
                report(keyNode, keyPath, explanation)
            } else if let suggestion = KeySuggestion.closest(to: key, in: known) {
                report(keyNode, keyPath, "unknown key \"\(key)\"; did you mean \"\(suggestion)\"?")
            } else {
                let list = known.joined(separator: ", ")
                report(keyNode, keyPath, "unknown key \"\(key)\"; expected one of: \(list)")
            }
        }
    }

    /// `node` as a mapping; `nil` for null (reported unless `nullAllowed`) or another kind (reported).
    mutating func mapping(_ node: Node, at path: String, nullAllowed: Bool = true) -> Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        if Self.isNull(node), nullAllowed { return nil }
        report(node, path, "expected a mapping of settings, found \(Self.describe(node))")
        return nil
    }

    /// `node` as text: any non-null scalar, so `id: 12345` reads as "12345".
    mutating func string(_ node: Node, at path: @autoclosure () -> String, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, path(), "expected a text value, found \(Self.describe(node))")
            return nil
        }
        if Self.isNull(node) {
            report(node, path(), "needs a value")
            return nil
        }
        let text = scalar.string
        if SecretKeyPolicy.looksSecret(value: text) {
            report(node, path(), "this looks like a Brevo API key: " + SecretKeyPolicy.message)
            return nil
        }
        if !allowEmpty, ConfigText.trimmed(text).isEmpty {
            report(node, path(), "must not be empty")
            return nil
        }
        return text
    }

    /// `node` as a YAML boolean (`true`/`false`, also `yes`/`no`).
    mutating func bool(_ node: Node, at path: @autoclosure () -> String) -> Bool? {
        if case .scalar(let scalar) = node, let value = PlainScalar.bool(scalar) { return value }
        report(node, path(), "expected true or false, found \(Self.describe(node))")
        return nil
    }

    /// `node` as a whole number.
    mutating func int(_ node: Node, at path: String) -> Int? {
        if case .scalar(let scalar) = node, let value = PlainScalar.int(scalar) {
            return value
        }
        report(node, path, "expected a whole number, found \(Self.describe(node))")
        return nil
    }

    /// `node` as a duration such as `60s`.
    mutating func duration(_ node: Node, at path: String) -> Duration? {
        if case .scalar(let scalar) = node, !Self.isNull(node),
           let value = DurationParser.parse(ConfigText.trimmed(scalar.string)) {
            return value
        }
        report(node, path, "\(DurationParser.expectation), found \(Self.describe(node))")
        return nil
    }
}
