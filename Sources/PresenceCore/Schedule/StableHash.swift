/// A hash that is the same in every process and on every machine.
///
/// Swift's `Hasher` is seeded per process, so it cannot place an agent on a stable phase.
/// FNV-1a alone clusters keys that differ only in their last byte (`ag001`…`ag005` land within
/// a few milliseconds of each other once scaled to an interval), so its result is passed
/// through splitmix64's finalizer, which spreads every input bit over the whole word.
public enum StableHash {
    /// FNV-1a (64-bit) of `text`'s UTF-8 bytes, mixed with splitmix64's finalizer.
    public static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return mix(hash)
    }

    /// splitmix64's finalizer: a bijective avalanche of all 64 bits.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The hash as a fraction in `[0, 1)`, using its top 53 bits.
    public static func unitInterval(_ text: String) -> Double {
        Double(of(text) >> 11) / Double(UInt64(1) << 53)
    }
}
