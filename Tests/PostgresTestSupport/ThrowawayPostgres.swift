import BrevoStandIn
import ClusterLease
import Foundation
import NIOCore
import NIOPosix

/// A real PostgreSQL server for one test, in a temporary folder, on 127.0.0.1 at a free port.
///
/// Runs as `nobody` when the tests run as root (PostgreSQL refuses root). The superuser
/// `postgres` logs in with ``password`` over TCP (SCRAM) and without one over the folder's Unix
/// socket (for ``psql(_:database:)``). ``remove()`` stops the server and deletes the folder.
public final class ThrowawayPostgres: Sendable {
    /// The superuser's password over TCP.
    public static let password = "pw-Throwaway:@/#1"
    /// The test database.
    public let database = "lease_test"
    /// The temporary folder (data, socket, logs).
    public let folder: String
    /// The server's TCP port on 127.0.0.1.
    public let port: Int
    private let binaries: PostgresBinaries
    private let asNobody: Bool

    /// Creates, starts and fills a new server (initdb, start, `CREATE DATABASE`).
    public init() throws {
        binaries = try PostgresBinaries.locate()
        asNobody = geteuid() == 0
        var template = Array("/tmp/lease-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ThrowawayPostgresError("mkdtemp failed") }
        folder = String(cString: made)
        port = try Self.freePort()
        let passwordFile = "\(folder)/pwfile"
        try Self.password.write(toFile: passwordFile, atomically: false, encoding: .utf8)
        if asNobody {
            for path in [folder, passwordFile] where chown(path, 65534, 65534) != 0 {
                throw ThrowawayPostgresError("cannot chown \(path) to nobody")
            }
        }
        try run("initdb", [
            "-D", "\(folder)/data", "-U", "postgres", "--pwfile=\(passwordFile)",
            "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C",
            "--no-sync", "--no-instructions",
        ])
        try start()
        try psql("CREATE DATABASE \(database)", database: "postgres")
    }

    /// A URL of this server for `user` (by default the superuser with its password).
    public func url(
        user: String = "postgres", password: String? = ThrowawayPostgres.password,
        database: String? = nil, port: Int? = nil
    ) -> PostgresURL {
        PostgresURL(
            user: user, password: password, host: "127.0.0.1", port: port ?? self.port,
            database: database ?? self.database, sslMode: .disable, connectTimeout: .seconds(3)
        )
    }

    /// The text of a URL of this server (the superuser, its password percent-encoded) at
    /// 127.0.0.1:`port`, as a daemon reads it from its URL file.
    public func urlText(port: Int? = nil) -> String {
        let password = Self.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "postgres://postgres:\(password)@127.0.0.1:\(port ?? self.port)/\(database)?sslmode=disable&connect_timeout=3"
    }

    /// Starts the server on the existing data (`pg_ctl -w start`).
    public func start() throws {
        let options = "-c listen_addresses=127.0.0.1 -c port=\(port) -c unix_socket_directories=\(folder) -c fsync=off"
        try run("pg_ctl", ["-D", "\(folder)/data", "-l", "\(folder)/server.log", "-o", options, "-w", "-t", "30", "start"])
    }

    /// Stops the server at once (`pg_ctl -m fast stop`), closing its connections.
    public func stop() throws {
        try run("pg_ctl", ["-D", "\(folder)/data", "-m", "fast", "-w", "stop"])
    }

    /// Runs `sql` as the superuser over the Unix socket.
    public func psql(_ sql: String, database: String? = nil) throws {
        try run("psql", [
            "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", "\(port)", "-U", "postgres",
            "-d", database ?? self.database, "-c", sql,
        ])
    }

    /// Stops the server (if running) and deletes the folder.
    public func remove() {
        try? run("pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs a server binary (as nobody when root) in the folder; throws with its output when it
    /// fails. (posix_spawn and waitpid: Foundation's `Process` waits for every inheritor of its
    /// exit pipe, and `pg_ctl start` leaves the server holding it.)
    private func run(_ name: String, _ arguments: [String]) throws {
        let inFolder = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder, binaries.path(name)] + arguments
        let argv = asNobody ? ["/usr/sbin/runuser", "-u", "nobody", "--"] + inFolder : inFolder
        let outputPath = "\(folder)/\(name).out"
        let status = try ChildProcess.run(argv, outputPath: outputPath)
        guard status == 0 else {
            let printed = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            let log = (try? String(contentsOfFile: "\(folder)/server.log", encoding: .utf8)) ?? ""
            throw ThrowawayPostgresError("\(name) exited with \(status): \(printed)\n\(log.suffix(2000))")
        }
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago.
    public static func freePort() throws -> Int {
        try FreePort.next()
    }
}

extension ThrowawayPostgres {
    /// Runs `body` with a new server, removed afterwards whatever happens.
    public static func with<T>(_ body: (ThrowawayPostgres) async throws -> T) async throws -> T {
        let server = try ThrowawayPostgres()
        do {
            let result = try await body(server)
            server.remove()
            return result
        } catch {
            server.remove()
            throw error
        }
    }
}
