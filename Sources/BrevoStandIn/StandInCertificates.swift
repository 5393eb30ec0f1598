import Foundation

/// A throwaway certificate authority and a server certificate it signed, made with `openssl`:
/// what the demo and the TLS tests give the stand-ins (``tls()``) and the client (`ca_file`).
/// Call ``remove()`` when done.
public struct StandInCertificates: Sendable {
    /// The folder holding every file.
    public let folder: String
    /// The CA's certificate (PEM): the `ca_file` that makes the server trusted.
    public let caFile: String
    /// The server's certificate (PEM), signed by the CA.
    public let serverCertificate: String
    /// The server's private key (PEM).
    public let serverKey: String

    /// Makes, in a new `folder` (by default a fresh temporary one), a CA named `authority` and
    /// a server certificate for 127.0.0.1 and `localhost` (subjectAltName), both good for two days.
    ///
    /// - Throws: ``StandInCertificatesError`` with openssl's output when a step fails (or
    ///   openssl is not installed).
    public static func make(
        authority: String = "agent-presenced test CA",
        in folder: String = NSTemporaryDirectory() + "ap-tls-" + UUID().uuidString.prefix(8)
    ) throws -> StandInCertificates {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let certificates = StandInCertificates(folder: folder, caFile: folder + "/ca.pem",
                                               serverCertificate: folder + "/server.pem", serverKey: folder + "/server.key")
        do {
            try certificates.generate(authority: authority)
        } catch {
            certificates.remove()
            throw error
        }
        return certificates
    }

    /// The stand-ins' TLS with the server certificate and key.
    public func tls() throws -> StandInTLS {
        try StandInTLS(certificateChainFile: serverCertificate, privateKeyFile: serverKey)
    }

    /// Removes the folder and every file in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func generate(authority: String) throws {
        let extensions = folder + "/server.ext"
        try "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n"
            .write(toFile: extensions, atomically: true, encoding: .utf8)
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        try Self.openssl(["req", "-x509"] + curve + ["-keyout", folder + "/ca.key", "-out", caFile, "-days", "2",
                         "-subj", "/CN=\(authority)", "-addext", "basicConstraints=critical,CA:TRUE",
                         "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        try Self.openssl(["req"] + curve + ["-keyout", serverKey, "-out", folder + "/server.csr", "-subj", "/CN=127.0.0.1"])
        try Self.openssl(["x509", "-req", "-in", folder + "/server.csr", "-CA", caFile, "-CAkey", folder + "/ca.key",
                          "-CAcreateserial", "-out", serverCertificate, "-days", "2", "-extfile", extensions])
    }

    private static func openssl(_ arguments: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            throw StandInCertificatesError(description: "openssl is not installed (/usr/bin/openssl)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw StandInCertificatesError(description: "openssl \(arguments.prefix(2).joined(separator: " ")) failed: \(text)")
        }
    }
}

/// An `openssl` step failed.
public struct StandInCertificatesError: Error, CustomStringConvertible {
    /// The step and openssl's output.
    public let description: String
}
