#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who may change the daemon's state through one listener.
public enum AccessPolicy: Sendable, Equatable {
    /// Any request from anyone who could connect: the socket file's owner, group and mode
    /// (e.g. a group-only socket made by a systemd `.socket` unit) already decided that.
    case full
    /// Reading for anyone who could connect; changes (PUT, DELETE, POST) only from peers whose
    /// uid, as the kernel reports it (`SO_PEERCRED`), is in the set. The daemon passes
    /// `[0, geteuid()]`. Under `PrivateUsers=yes` other users all look like `nobody`, which is
    /// why this is for a world-connectable socket, with the change socket group-only.
    case readOnly(exceptPeerUIDs: Set<uid_t>)

    /// Whether a request that changes state (`changesState`) is allowed from `peerUID`
    /// (nil when the kernel could not say, which allows only reading).
    func allows(changesState: Bool, peerUID: uid_t?) -> Bool {
        guard changesState else { return true }
        switch self {
        case .full:
            return true
        case .readOnly(let uids):
            guard let peerUID else { return false }
            return uids.contains(peerUID)
        }
    }

    /// Whether this policy needs the peer's uid at all (so `.full` skips the syscall).
    var needsPeerUID: Bool {
        if case .readOnly = self { return true }
        return false
    }

    /// The 403 message for a refused change.
    static let refusal = "changing presence needs root, or the admin group's control socket; this socket is read-only"
}
