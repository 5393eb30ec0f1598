import Glibc
@testable import SystemdSupport
import Testing

/// The iovec packing handed to sd_journal_sendv, read back through an injected sendv.
@Suite struct JournalSinkTests {
    private func sentAssignments(_ fields: [JournalField]) -> (Int32, [[UInt8]]) {
        var received: [[UInt8]] = []
        let result = JournalSink.send(fields) { vectors, count in
            guard let vectors else { return -EINVAL }
            for vector in UnsafeBufferPointer(start: vectors, count: Int(count)) {
                let bytes = UnsafeRawBufferPointer(start: vector.iov_base, count: vector.iov_len)
                received.append(Array(bytes))
            }
            return 0
        }
        return (result, received)
    }

    @Test func oneIovecPerFieldHoldingNameEqualsValue() {
        let fields = [
            JournalField(name: "MESSAGE", text: "two\nlines"),
            JournalField(name: "PRIORITY", text: "6"),
            JournalField(name: "EMPTY", value: []),
        ]
        let (result, assignments) = sentAssignments(fields)
        #expect(result == 0)
        #expect(assignments == fields.map(\.assignment))
        #expect(assignments.last == Array("EMPTY=".utf8))
    }

    @Test func mebibyteValueIsSentWhole() {
        let value = [UInt8](repeating: 0x41, count: 1_048_576)
        let (_, assignments) = sentAssignments([
            JournalField(name: "MESSAGE", text: "big"),
            JournalField(name: "RESPONSE_BODY", value: value),
        ])
        #expect(assignments.count == 2)
        #expect(assignments.last == Array("RESPONSE_BODY=".utf8) + value)
    }

    @Test func noFieldsSendsNothing() {
        var called = false
        let result = JournalSink.send([]) { _, _ in
            called = true
            return 0
        }
        #expect(result == 0)
        #expect(!called)
    }
}
