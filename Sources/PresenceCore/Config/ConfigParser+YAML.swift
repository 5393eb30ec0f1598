import Yams

extension ConfigParser {
    /// Composes the YAML tree; malformed YAML becomes one issue with its line.
    ///
    /// Scalars stay untyped (``PlainScalar`` types the few settings that need it). A leading
    /// byte order mark is skipped and CRLF line ends are read as LF (``YAMLSourceText``).
    static func compose(_ yaml: String, file: String) throws(ConfigError) -> Node? {
        let yaml = YAMLSourceText.normalized(yaml)
        do {
            return try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw ConfigError([issue(for: error, yaml: yaml, file: file)])
        } catch {
            throw ConfigError([ConfigIssue(location: ConfigLocation(file: file), keyPath: "",
                                           message: "malformed YAML: \(error)")])
        }
    }

    /// One issue for a Yams error, without ever echoing the whole file.
    private static func issue(for error: YamlError, yaml: String, file: String) -> ConfigIssue {
        func located(_ line: Int?, _ keyPath: String, _ message: String) -> ConfigIssue {
            ConfigIssue(location: ConfigLocation(file: file, line: line), keyPath: keyPath, message: message)
        }
        func described(_ problem: String, _ context: YamlError.Context?, line: Int) -> String {
            if context?.text == "expected a single document in the stream" {
                return "malformed YAML: only one document is allowed, found a second one (a second ---?)"
            }
            var message = "malformed YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            // libyaml's wording for a tab is cryptic; tabs are the usual cause of this one.
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            if line >= 1, line <= lines.count, lines[line - 1].contains("\t") {
                message += "; YAML does not allow tabs for indentation"
            }
            return message
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return located(mark.line, "", described(problem, context, line: mark.line))
        case let .reader(problem, offset, _, _):
            let line = offset.map { lineNumber(atUTF8Offset: $0, in: yaml) }
            return located(line, "", "unreadable text: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let first = context.mark.line
            var message = "key \"\(key)\" appears more than once in the same mapping"
            if let again = lineOfRepeatedKey(key, after: context.mark, in: yaml) {
                message += " (lines \(first) and \(again))"
            }
            return located(first, key, message)
        default:
            return located(nil, "", "malformed YAML: \(error)")
        }
    }

    /// The 1-based line holding the byte at `offset`.
    private static func lineNumber(atUTF8Offset offset: Int, in yaml: String) -> Int {
        yaml.utf8.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// The next line after `mark` that holds `key:` at the same column: the repeated key.
    ///
    /// Yams only reports the first occurrence; naming both lines saves the operator a search.
    private static func lineOfRepeatedKey(_ key: String, after mark: Mark, in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = lines[index]
            let column = line.prefix(while: { $0 == " " || $0 == "-" }).count + 1
            guard column == mark.column else { continue }
            let rest = line.dropFirst(column - 1)
            for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form) {
                if rest.dropFirst(form.count).drop(while: { $0 == " " }).hasPrefix(":") { return index + 1 }
            }
        }
        return nil
    }
}
