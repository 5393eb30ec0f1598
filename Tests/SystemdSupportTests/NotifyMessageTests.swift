import SystemdSupport
import Testing

/// The exact sd_notify text of each message, without a socket.
@Suite struct NotifyMessageTests {
    @Test func texts() {
        #expect(NotifyMessage.ready(status: "ok").text == "READY=1\nSTATUS=ok")
        #expect(NotifyMessage.reloading(monotonicMicroseconds: 42).text == "RELOADING=1\nMONOTONIC_USEC=42")
        #expect(NotifyMessage.status("3 online").text == "STATUS=3 online")
        #expect(NotifyMessage.stopping(status: nil).text == "STOPPING=1")
        #expect(NotifyMessage.stopping(status: "bye").text == "STOPPING=1\nSTATUS=bye")
        #expect(NotifyMessage.watchdog.text == "WATCHDOG=1")
        #expect(NotifyMessage.failure(status: "bad config", errno: 22).text == "STATUS=bad config\nERRNO=22")
    }

    @Test func statusCannotInjectAssignments() {
        let text = NotifyMessage.status("refused\nREADY=1\nSTOPPING=1").text
        #expect(text == "STATUS=refused READY=1 STOPPING=1")
        #expect(!text.contains("\n"))
    }

    @Test func statusIsBounded() {
        let text = NotifyMessage.ready(status: String(repeating: "x", count: 5_000)).text
        #expect(text.count == "READY=1\nSTATUS=".count + OneLineText.defaultStatusLimit)
    }
}
