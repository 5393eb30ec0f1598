import Foundation

/// Where Debian's PostgreSQL server binaries are: the folder of `initdb` (found on `PATH`,
/// symlinks resolved, else the highest `/usr/lib/postgresql/*/bin`), which also holds `pg_ctl`,
/// `postgres` and `psql`.
struct PostgresBinaries {
    /// The folder of the binaries.
    var folder: String

    /// Finds the binaries, or fails saying how to install them.
    static func locate() throws -> PostgresBinaries {
        let manager = FileManager.default
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/initdb"
            guard manager.isExecutableFile(atPath: candidate), let real = realpath(candidate, nil) else { continue }
            defer { free(real) }
            let folder = (String(cString: real) as NSString).deletingLastPathComponent
            if manager.isExecutableFile(atPath: "\(folder)/pg_ctl") { return PostgresBinaries(folder: folder) }
        }
        let versions = ((try? manager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted()
        for version in versions.reversed() {
            let folder = "/usr/lib/postgresql/\(version)/bin"
            if manager.isExecutableFile(atPath: "\(folder)/initdb") { return PostgresBinaries(folder: folder) }
        }
        throw ThrowawayPostgresError(
            "PostgreSQL's initdb was found neither on PATH nor under /usr/lib/postgresql/*/bin: "
                + "install Debian's `postgresql` package (apt-get install postgresql) to run the cluster tests"
        )
    }

    /// The path of the binary `name`.
    func path(_ name: String) -> String { "\(folder)/\(name)" }
}

/// A failure of the throwaway server, with what the command printed.
public struct ThrowawayPostgresError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// Creates an error.
    init(_ description: String) {
        self.description = description
    }
}
