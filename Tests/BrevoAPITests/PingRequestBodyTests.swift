@testable import BrevoAPI
import PresenceCore
import Testing

/// The `agentOnlinePing` JSON body in both forms.
@Suite struct PingRequestBodyTests {
    private func json(_ request: PingRequest) -> String {
        String(decoding: PingRequestBody(request).encoded(), as: UTF8.self)
    }

    @Test func idForm() {
        #expect(json(PingRequest(identity: .id("ag1"))) == #"{"agentId":"ag1"}"#)
        #expect(json(PingRequest(identity: .id("ag1"), receivedFrom: "desk")) == #"{"agentId":"ag1","receivedFrom":"desk"}"#)
    }

    @Test func emailFormAlwaysHasReceivedFrom() {
        #expect(json(PingRequest(identity: .email("liz@example.com", name: "Liz")))
            == #"{"agentEmail":"liz@example.com","agentName":"Liz","receivedFrom":"agent-presenced"}"#)
        #expect(json(PingRequest(identity: .email("liz@example.com", name: "Liz"), receivedFrom: ""))
            .contains(#""receivedFrom":"agent-presenced""#))
    }

    @Test func textIsEscaped() {
        #expect(json(PingRequest(identity: .email("a@b.c", name: "Li \"Z\"\n"), receivedFrom: "x"))
            == #"{"agentEmail":"a@b.c","agentName":"Li \"Z\"\n","receivedFrom":"x"}"#)
    }
}
