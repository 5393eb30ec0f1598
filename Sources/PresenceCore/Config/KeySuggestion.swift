/// Finds the known key an operator most likely meant, for "did you mean" hints.
enum KeySuggestion {
    /// The closest of `known` to `key`, when it is close enough to be a typo.
    static func closest(to key: String, in known: [String]) -> String? {
        let lowered = Array(key.lowercased())
        let scored = known.map { (key: $0, distance: distance(lowered, Array($0))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        // Short keys get little slack, so `xy` is not "corrected" to `id`.
        let limit = best.key.count <= 3 ? 1 : best.key.count < 10 ? 2 : 3
        return best.distance <= limit ? best.key : nil
    }

    /// Edit distance counting a swap of neighbours as one edit (optimal string alignment),
    /// and treating `-` and `_` as the same character.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        func same(_ x: Character, _ y: Character) -> Bool {
            x == y || (x == "-" || x == "_") && (y == "-" || y == "_")
        }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = same(a[i - 1], b[j - 1]) ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, same(a[i - 1], b[j - 2]), same(a[i - 2], b[j - 1]) {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
