import BrevoAPI
import PresenceCore
import Testing

/// One rotation per transport; transports dropped at a reload close once their requests are done.
@Suite struct HTTPClientPoolsTests {
    private let proxied = HTTPTransport(proxy: ForwardProxy(address: ProxyAddress(host: "127.0.0.1", port: 3128), origin: "proxy.url"))

    @Test func equalTransportsShareOneRotation() async throws {
        let pools = HTTPClientPools(on: BrevoClient.eventLoopGroup, timeout: .seconds(1))
        let direct = try #require(pools.rotation(for: .direct))
        #expect(pools.rotation(for: HTTPTransport()) === direct)
        #expect(pools.rotation(for: proxied) !== direct)
        await pools.shutdown()
        #expect(pools.rotation(for: .direct) == nil)
        #expect(pools.recycle() == false)
    }

    @Test func aDroppedTransportClosesOnceItsLastRequestIsDone() async throws {
        let pools = HTTPClientPools(on: BrevoClient.eventLoopGroup, timeout: .seconds(1))
        let old = try #require(pools.rotation(for: proxied))
        let lease = try #require(old.acquire())
        pools.keepOnly([.direct])
        #expect(pools.rotation(for: proxied) !== old)
        #expect(!old.isClosed)
        old.release(lease)
        #expect(await Self.eventually { old.isClosed })
        await pools.shutdown()
    }

    private static func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<200 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }
}
