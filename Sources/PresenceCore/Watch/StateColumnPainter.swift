/// Colours the words of the STATE column in text tables: below a header line (upper case, with a
/// `STATE` column), the word that starts at that column in each row, up to the table's end (an
/// empty line). Every other character stays where it was, so the columns stay aligned.
public enum StateColumnPainter {
    /// The column's title in a table's header.
    static let title = "STATE"

    /// `lines` with the state words coloured.
    public static func paint(_ lines: [String]) -> [String] {
        var column: Int?
        return lines.map { line in
            if line.isEmpty {
                column = nil
                return line
            }
            if let header = stateColumn(ofHeader: line) {
                column = header
                return line
            }
            guard let column else { return line }
            return paintWord(in: line, at: column)
        }
    }

    /// The character offset of the `STATE` column when `line` is a table header.
    static func stateColumn(ofHeader line: String) -> Int? {
        guard line == line.uppercased(), line.first?.isLetter == true else { return nil }
        let characters = Array(line)
        let titleCharacters = Array(title)
        var offset = 0
        while offset + titleCharacters.count <= characters.count {
            let startsWord = offset == 0 || characters[offset - 1] == " "
            let end = offset + titleCharacters.count
            let endsWord = end == characters.count || characters[end] == " "
            if startsWord, endsWord, Array(characters[offset..<end]) == titleCharacters { return offset }
            offset += 1
        }
        return nil
    }

    /// `line` with the word at `column` coloured, when it is a state with a colour.
    private static func paintWord(in line: String, at column: Int) -> String {
        let characters = Array(line)
        guard column < characters.count, column == 0 || characters[column - 1] == " " else { return line }
        let end = characters[column...].firstIndex(of: " ") ?? characters.count
        let word = String(characters[column..<end])
        guard let colour = TerminalStyle.colour(ofState: word) else { return line }
        return String(characters[..<column]) + colour.paint(word) + String(characters[end...])
    }
}
