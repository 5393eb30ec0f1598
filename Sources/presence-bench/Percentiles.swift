/// Order statistics of a sample.
struct Percentiles: Sendable {
    private let sorted: [Double]

    /// Sorts `values` once for any number of queries.
    init(_ values: [Double]) {
        sorted = values.sorted()
    }

    /// The nearest-rank `p`-quantile (`p` in 0…1); 0 for an empty sample.
    func value(at p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }

    /// The largest value; 0 for an empty sample.
    var max: Double { sorted.last ?? 0 }

    /// How many values there are.
    var count: Int { sorted.count }
}

/// The median of `values` (the mean of the middle two for an even count); 0 when empty.
func medianValue(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}
