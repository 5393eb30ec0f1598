@testable import ClusterLease
import Logging
import PresenceCore
import Testing

@Suite("Lease failure messages")
struct LeaseFailureMessageTests {
    struct EchoingError: Error, CustomStringConvertible {
        var description: String { "driver said: login with Hunter2-pw failed" }
    }

    @Test("The password is masked wherever an error happens to carry it")
    func masksPassword() {
        let message = LeaseFailureMessage.make(EchoingError(), doing: "acquire", password: "Hunter2-pw")
        #expect(message == "PostgreSQL acquire failed: driver said: login with *** failed")
    }

    @Test("A call after shutdown fails at once without connecting")
    func afterShutdown() async {
        let url = PostgresURL(user: "u", password: "pw", host: "127.0.0.1", port: 1, sslMode: .disable)
        let store = PostgresLeaseStore(url: url, logger: Logger(label: "lease-test"))
        await store.shutdown()
        let outcome = await store.acquire(request("n", token: "t"))
        #expect(outcome == .failed(message: "PostgreSQL acquire failed: the lease store is shut down"))
        await store.release(request("n", token: "t"))
    }
}
