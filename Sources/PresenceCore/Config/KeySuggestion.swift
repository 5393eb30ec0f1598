/// Finds the known key an operator most likely meant, for "did you mean" hints.
enum KeySuggestion {
    /// The closest of `known` to `key`, when it is close enough to be a typo.
    static func closest(to key: String, in known: [String]) -> String? {
        let lowered = key.lowercased()
        let scored = known.map { (key: $0, distance: distance(Array(lowered), Array($0))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let limit = max(1, min(3, best.key.count / 3))
        return best.distance <= limit ? best.key : nil
    }

    /// Levenshtein distance, treating `-` and `_` as the same character.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        func same(_ x: Character, _ y: Character) -> Bool {
            x == y || (x == "-" || x == "_") && (y == "-" || y == "_")
        }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = same(a[i - 1], b[j - 1]) ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
