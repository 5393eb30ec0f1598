@testable import BrevoAPI
import Foundation
import NIOCore
import PresenceCore
import Testing

/// The request head, encoded once per credentials, byte for byte.
@Suite struct PingRequestHeadTests {
    private let proxy = ForwardProxy(
        address: ProxyAddress(host: "10.0.0.9", port: 3128), origin: "proxy.url",
        credentials: ProxyUserInfo(username: "presence", password: "proxy-PASSWORD-42")
    )

    private func request(_ url: String, transport: HTTPTransport = .direct, key: String = "k-1", agent: String = "ag1") throws -> String {
        let endpoint = try PingEndpoint(url: url, transport: transport)
        let head = try PingRequestHead(endpoint: endpoint, apiKey: key, userAgent: "agent-presenced/1.0")
        return String(buffer: head.request(PingRequestBody(PingRequest(identity: .id(agent))), allocator: ByteBufferAllocator()))
    }

    @Test func originFormDirect() throws {
        let text = try request("http://127.0.0.1:8080/v3/conversations/agentOnlinePing")
        #expect(text == "POST /v3/conversations/agentOnlinePing HTTP/1.1\r\n"
            + "Host: 127.0.0.1:8080\r\n"
            + "Content-Type: application/json\r\n"
            + "Accept: application/json\r\n"
            + "User-Agent: agent-presenced/1.0\r\n"
            + "api-key: k-1\r\n"
            + "Content-Length: 17\r\n\r\n"
            + #"{"agentId":"ag1"}"#)
    }

    @Test func defaultPortsStayOutOfHostAndHTTPSThroughAProxyStaysOriginForm() throws {
        let text = try request("https://api.brevo.com/v3/conversations/agentOnlinePing", transport: HTTPTransport(proxy: proxy))
        #expect(text.hasPrefix("POST /v3/conversations/agentOnlinePing HTTP/1.1\r\nHost: api.brevo.com\r\n"))
        // The tunnel's CONNECT carries the proxy's credentials, never the request itself.
        #expect(!text.contains("Proxy-Authorization"))
    }

    @Test func absoluteFormThroughAProxyWithCredentials() throws {
        let text = try request("http://api.example.com:8080/v3/conversations/agentOnlinePing", transport: HTTPTransport(proxy: proxy))
        let basic = Data("presence:proxy-PASSWORD-42".utf8).base64EncodedString()
        #expect(text == "POST http://api.example.com:8080/v3/conversations/agentOnlinePing HTTP/1.1\r\n"
            + "Host: api.example.com:8080\r\n"
            + "Content-Type: application/json\r\n"
            + "Accept: application/json\r\n"
            + "User-Agent: agent-presenced/1.0\r\n"
            + "api-key: k-1\r\n"
            + "Proxy-Authorization: Basic \(basic)\r\n"
            + "Content-Length: 17\r\n\r\n"
            + #"{"agentId":"ag1"}"#)
    }

    @Test func connectRequestCarriesTheProxyCredentials() {
        let text = String(buffer: ProxyTunnel.request(to: "[::1]:443", authorization: proxy.basicAuthorization))
        let basic = Data("presence:proxy-PASSWORD-42".utf8).base64EncodedString()
        #expect(text == "CONNECT [::1]:443 HTTP/1.1\r\nHost: [::1]:443\r\nProxy-Authorization: Basic \(basic)\r\n\r\n")
        #expect(!String(describing: proxy).contains("proxy-PASSWORD-42"))
    }

    @Test(arguments: [1, 9, 10, 99, 100, 12_345])
    func contentLengthMatchesTheBody(length: Int) throws {
        let agent = String(repeating: "a", count: length)
        let text = try request("http://h/v3/conversations/agentOnlinePing", agent: agent)
        let body = #"{"agentId":""# + agent + #""}"#
        #expect(text.hasSuffix("Content-Length: \(body.utf8.count)\r\n\r\n" + body))
        #expect(text.hasPrefix("POST /v3/conversations/agentOnlinePing HTTP/1.1\r\nHost: h\r\n"))
    }

    @Test func aKeyThatWouldBreakTheHeadIsRefusedWithoutNamingIt() throws {
        let endpoint = try PingEndpoint(url: "http://h/v3/conversations/agentOnlinePing", transport: .direct)
        var thrown: (any Error)?
        do {
            _ = try PingRequestHead(endpoint: endpoint, apiKey: "xkeysib-bad\r\nInjected: 1", userAgent: "ua")
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        let (errorClass, message) = TransportErrorClassifier.classify(error)
        #expect(errorClass == .cancelled)
        #expect(message == "invalid request header (check the API key)")
        #expect(!String(describing: error).contains("xkeysib-bad"))
    }

    @Test func bodyMatchesJSONEncoder() throws {
        let requests = [
            PingRequest(identity: .email("a/b@c.d", name: "Zoë \"Z\" \\ \t\u{1}\u{1f}"), receivedFrom: "desk"),
            PingRequest(identity: .id("ag1"), receivedFrom: "x"),
            PingRequest(identity: .email("e@f.g", name: "")),
        ]
        for request in requests {
            let body = PingRequestBody(request)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let expected = try encoder.encode(body)
            #expect(body.encoded() == Array(expected), "\(String(decoding: expected, as: UTF8.self))")
        }
    }
}
