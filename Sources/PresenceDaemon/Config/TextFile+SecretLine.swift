extension TextFile {
    /// The file's only non-blank line, trimmed; `nil` when it has none or more than one.
    var onlyLine: String? {
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
        guard lines.count == 1, let line = lines.first,
              let start = line.firstIndex(where: { !$0.isWhitespace }), let end = line.lastIndex(where: { !$0.isWhitespace })
        else { return nil }
        return String(line[start...end])
    }

    /// The warning for a file holding a password that group or others can read; `nil` when they cannot.
    func passwordFileWarning(_ what: String, path: String) -> String? {
        guard permissions & 0o077 != 0 else { return nil }
        return "the \(what) \(path) can be read by group or others (mode 0\(String(permissions, radix: 8))) and holds a password; "
            + "run chmod 600 on it or use a systemd credential"
    }
}
