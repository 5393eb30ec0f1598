import Foundation

/// The stand-in's JSON-lines request log, read into per-agent arrival times.
///
/// Each line is `{"t":<wall seconds, ms precision>,"agent":"<id>","status":<n or null>,...}`, as
/// `BrevoStandIn`'s `RequestLog` writes it. A small byte scanner reads it: a roster of 100,000
/// agents makes half a million lines per run.
struct RequestLogReader {
    /// Successful (2xx) ping times per agent ID, in wall-clock seconds, in arrival order.
    var successes: [String: [Double]] = [:]
    /// Lines whose status was not 2xx (errors, hung or closed connections).
    var failures = 0
    /// 429 answers per agent ID (among the failures).
    var tooManyRequests: [String: Int] = [:]
    /// Lines that could not be read.
    var malformed = 0

    /// Reads the log at `path`.
    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if end > start { read(line: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
                start = end + 1
            }
        }
        for key in successes.keys { successes[key]?.sort() }
    }

    private mutating func read(line: UnsafeBufferPointer<UInt8>) {
        guard let t = Self.value(after: "\"t\":", in: line).flatMap(Self.number),
              let agentField = Self.value(after: "\"agent\":", in: line),
              let statusField = Self.value(after: "\"status\":", in: line) else {
            malformed += 1
            return
        }
        let status = Self.number(statusField).flatMap { Int(exactly: $0) }
        guard let status, (200..<300).contains(status) else {
            failures += 1
            if status == 429, let agent = Self.agent(agentField) { tooManyRequests[agent, default: 0] += 1 }
            return
        }
        guard let agent = Self.agent(agentField) else {
            malformed += 1
            return
        }
        successes[agent, default: []].append(t)
    }

    /// The agent ID of a quoted `agent` value; `nil` for `null` or anything unquoted.
    private static func agent(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        guard field.count >= 2, field.first == 0x22, field.last == 0x22 else { return nil }
        return String(decoding: field.dropFirst().dropLast(), as: UTF8.self)
    }

    /// The raw bytes of the value after `key`, up to the next `,` or `}`.
    private static func value(after key: StaticString, in line: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        let pattern = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        guard line.count >= pattern.count else { return nil }
        var index = 0
        while index + pattern.count <= line.count {
            if line[index] == pattern[0], zip(line[index..<(index + pattern.count)], pattern).allSatisfy({ $0 == $1 }) {
                let start = index + pattern.count
                var end = start
                var quoted = false
                while end < line.count {
                    let byte = line[end]
                    if byte == 0x22 { quoted.toggle() }
                    if !quoted, byte == 0x2C || byte == 0x7D { break }
                    end += 1
                }
                return line[start..<end]
            }
            index += 1
        }
        return nil
    }

    private static func number(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        Double(String(decoding: bytes, as: UTF8.self))
    }
}
