#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// The uid of the process at the other end of a Unix socket connection, as the kernel
/// recorded it at `connect()` (`SO_PEERCRED`): the peer cannot forge it.
enum PeerCredentials {
    /// Linux's `struct ucred`, which Glibc's Swift module hides behind `_GNU_SOURCE`: three
    /// 32-bit fields, so this Swift struct has the same size and layout.
    struct UCred: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// The peer's uid, or nil where the platform or the channel cannot say.
    static func uid(of channel: any Channel) -> EventLoopFuture<uid_t?> {
        #if os(Linux)
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeSucceededFuture(nil)
        }
        let credentials: EventLoopFuture<UCred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED)
        )
        return credentials.map { credentials -> uid_t? in credentials.uid }.recover { _ in nil }
        #else
        return channel.eventLoop.makeSucceededFuture(nil)
        #endif
    }
}
