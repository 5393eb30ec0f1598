import Foundation

/// Columns padded to their widest cell; the last column is left unpadded (it is free text).
enum TextTable {
    /// The header and rows as aligned lines.
    static func format(header: [String], rows: [[String]]) -> [String] {
        let padded = header.count - 1
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() where index < padded { widths[index] = max(widths[index], cell.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                index < padded ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0) : cell
            }.joined(separator: "  ")
        }
        return [line(header)] + rows.map(line)
    }
}
