import SystemdSupport
import Testing

/// JOURNAL_STREAM matching against a real descriptor's device and inode.
@Suite struct JournalStreamTests {
    @Test func matchingDeviceAndInodeIsConnected() {
        let file = TemporaryFile()
        #expect(JournalStream.isConnected(fileDescriptor: file.descriptor, journalStream: file.journalStreamValue))
    }

    @Test func anotherStreamIsNotConnected() {
        let file = TemporaryFile()
        let other = TemporaryFile()
        #expect(!JournalStream.isConnected(fileDescriptor: file.descriptor, journalStream: other.journalStreamValue))
    }

    @Test(arguments: [nil, "", "12", "a:b", "1:2:3", "-1:5"])
    func missingOrMalformedIsNotConnected(value: String?) {
        let file = TemporaryFile()
        #expect(!JournalStream.isConnected(fileDescriptor: file.descriptor, journalStream: value))
    }

    @Test func closedDescriptorIsNotConnected() {
        let file = TemporaryFile()
        #expect(!JournalStream.isConnected(fileDescriptor: -1, journalStream: file.journalStreamValue))
    }
}
