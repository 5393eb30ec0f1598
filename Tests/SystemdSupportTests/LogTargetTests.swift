import SystemdSupport
import Testing

@Suite struct LogTargetTests {
    @Test func journalWhenStderrIsTheJournalStream() {
        let file = TemporaryFile()
        #expect(LogTarget.automatic(fileDescriptor: file.descriptor, journalStream: file.journalStreamValue) == .journal)
    }

    @Test func stderrOtherwise() {
        let file = TemporaryFile()
        #expect(LogTarget.automatic(fileDescriptor: file.descriptor, journalStream: nil) == .stderr)
        #expect(LogTarget.automatic(fileDescriptor: file.descriptor, journalStream: "1:1") == .stderr)
    }
}
