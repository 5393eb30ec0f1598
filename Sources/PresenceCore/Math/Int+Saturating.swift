extension Int {
    /// `value` truncated toward zero, clamped to `Int.min ... Int.max`; NaN becomes 0.
    ///
    /// `Int(_: Double)` traps on NaN, on infinities and on values beyond `Int`'s range. Counts
    /// derived from config values (requests per hour, agents that fit a budget) go through this
    /// instead, so an extreme setting yields an extreme number rather than a crash.
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= Double(Int.max) {
            // Double(Int.max) is 2^63, one past Int.max: everything from there up saturates.
            self = .max
        } else if value <= Double(Int.min) {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
