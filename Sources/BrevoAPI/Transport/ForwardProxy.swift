import Foundation
import PresenceCore

/// The forward proxy one kind of request goes through, with what it takes to log in.
///
/// Its descriptions name the proxy and where it was set, never the password.
public struct ForwardProxy: Hashable, Sendable, CustomStringConvertible {
    /// The proxy's address.
    public var address: ProxyAddress
    /// The config key or environment variable that set it (`proxy.url`, `https_proxy`, ...).
    public var origin: String
    /// The user name and password for `Proxy-Authorization: Basic`, if the proxy wants them.
    public var credentials: ProxyUserInfo?

    /// Creates a proxy.
    public init(address: ProxyAddress, origin: String, credentials: ProxyUserInfo? = nil) {
        var address = address
        address.userInfo = nil
        self.address = address
        self.origin = origin
        self.credentials = credentials
    }

    /// `the proxy http://host:port (from https_proxy)`.
    public var description: String { "the proxy \(address) (from \(origin))" }

    /// The `Proxy-Authorization` value (`Basic base64(user:password)`) when credentials are set.
    /// Only ever written into a request head, never into a message.
    var basicAuthorization: String? {
        credentials.map { "Basic " + Data("\($0.username):\($0.password)".utf8).base64EncodedString() }
    }
}
