import NIOSSL

/// CA certificates trusted beside the system's trust store: the PEM bundle of a `ca_file`.
public struct TrustAnchors: Hashable, Sendable, CustomStringConvertible {
    /// The bundle's certificates, in file order.
    public let certificates: [NIOSSLCertificate]
    /// The file they were read from, for messages.
    public let file: String

    /// Reads the certificates of the PEM bundle `pem`, read from `file`.
    ///
    /// - Throws: ``TrustAnchorsError`` when the bytes hold no certificate or a broken one.
    public init(pem: [UInt8], file: String) throws(TrustAnchorsError) {
        guard pem.containsSubsequence(Array("-----BEGIN CERTIFICATE-----".utf8)) else {
            throw TrustAnchorsError("holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(pem)
        } catch {
            throw TrustAnchorsError("is not a valid PEM certificate bundle")
        }
        guard !certificates.isEmpty else { throw TrustAnchorsError("holds no PEM certificate") }
        self.file = file
    }

    /// `N certificate(s) from FILE`.
    public var description: String {
        "\(certificates.count) certificate\(certificates.count == 1 ? "" : "s") from \(file)"
    }
}

/// Why a CA file could not be used.
public struct TrustAnchorsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the file, to follow its name.
    public let reason: String

    init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}

extension Array where Element == UInt8 {
    fileprivate func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return false }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
