import Foundation
import Testing
@testable import PresenceDaemon

@Suite struct AtomicFileLeftoversTests {
    @Test(arguments: [
        (".status.json.Ab12Cd", true), (".status.json.000000", true),
        (".status.json.Ab12C", false), (".status.json.Ab12Cde", false), (".status.json.Ab-2Cd", false),
        ("status.json.Ab12Cd", false), (".status.json.lock", false), (".other.json.Ab12Cd", false),
    ])
    func onlyMkstempNamesOfTheStatusFileMatch(name: String, matches: Bool) {
        #expect(AtomicFile.isTemporary(name, prefix: ".status.json.") == matches)
    }

    @Test func onlyRegularFilesAreRemoved() throws {
        let folder = try ConfigTestFolder()
        try folder.write(".status.json.Ab12Cd", "{")
        try FileManager.default.createDirectory(atPath: folder.path + "/.status.json.Folder", withIntermediateDirectories: true)
        let removed = AtomicFile.removeLeftovers(of: folder.path + "/status.json")
        #expect(removed == [".status.json.Ab12Cd"])
        #expect(FileManager.default.fileExists(atPath: folder.path + "/.status.json.Folder"))
    }

    /// The pattern removed is the one the writer makes: a write interrupted just before its
    /// rename leaves a name that matches.
    @Test func theWritersOwnTemporaryMatchesThePattern() throws {
        let folder = try ConfigTestFolder()
        let target = folder.path + "/status.json"
        var seen: [String] = []
        try AtomicFile.write(to: target, checkingBeforeReplace: { _ in
            seen = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        }) { write in
            try Array("{}".utf8).withUnsafeBytes { try write($0) }
        }
        #expect(seen.count == 1)
        #expect(seen.allSatisfy { AtomicFile.isTemporary($0, prefix: AtomicFile.temporaryPrefix(of: target)) }, "\(seen)")
    }
}
