/// Config text as Windows editors save it, made into the form the YAML parser reads.
enum YAMLSourceText {
    /// `text` without a leading byte order mark, and with CRLF line ends as LF.
    ///
    /// Told its input is UTF-8, libyaml reads a leading BOM as content and fails at the first
    /// key. CRLF it reads, but the helpers that place an issue on a line split on LF alone, so
    /// both are normalised once, before parsing. A CR without an LF is kept. Text with neither
    /// (nearly every file) is returned as it is, without a copy.
    static func normalized(_ text: String) -> String {
        let utf8 = text.utf8
        let hasBOM = utf8.starts(with: byteOrderMark)
        let hasCR = utf8.withContiguousStorageIfAvailable { $0.contains(carriageReturn) }
            ?? utf8.contains(carriageReturn)
        guard hasBOM || hasCR else { return text }
        let body = utf8.dropFirst(hasBOM ? byteOrderMark.count : 0)
        guard hasCR else { return String(decoding: body, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.count)
        var pendingCR = false
        for byte in body {
            if pendingCR, byte != lineFeed { bytes.append(carriageReturn) }
            pendingCR = byte == carriageReturn
            if !pendingCR { bytes.append(byte) }
        }
        if pendingCR { bytes.append(carriageReturn) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")
}
