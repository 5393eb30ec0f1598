import NIOCore
import NIOSSL

/// TLS for a stand-in: its certificate chain and private key, so that clients reach it over
/// `https://` (the tests make both, and the CA that signs them, with `openssl`).
public struct StandInTLS: Sendable {
    let context: NIOSSLContext

    /// Reads a PEM certificate chain (the server's certificate first) and its PEM private key.
    ///
    /// - Throws: NIOSSL's error when a file cannot be read or does not hold what it should.
    public init(certificateChainFile: String, privateKeyFile: String) throws {
        let chain = try NIOSSLCertificate.fromPEMFile(certificateChainFile).map { NIOSSLCertificateSource.certificate($0) }
        let key = try NIOSSLPrivateKey(file: privateKeyFile, format: .pem)
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        context = try NIOSSLContext(configuration: configuration)
    }

    /// Puts the TLS handler in front of `channel`'s pipeline; called from a child channel initializer.
    func secure(_ channel: any Channel) throws {
        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
    }
}
