import Foundation
import Testing
@testable import PresenceDaemon

@Suite struct StaleTemporariesTests {
    @Test(arguments: [
        (".status.json.Ab12Cd", true), (".status.json.000000", true),
        (".status.json.Ab12C", false), (".status.json.Ab12Cde", false), (".status.json.Ab-2Cd", false),
        ("status.json.Ab12Cd", false), (".status.json.lock", false), (".other.json.Ab12Cd", false),
    ])
    func onlyMkstempNamesOfTheStatusFileMatch(name: String, matches: Bool) {
        #expect(StaleTemporaries.isTemporary(name, prefix: ".status.json.") == matches)
    }

    @Test func onlyRegularFilesAreRemoved() throws {
        let folder = try ConfigTestFolder()
        try folder.write(".status.json.Ab12Cd", "{")
        try FileManager.default.createDirectory(atPath: folder.path + "/.status.json.Folder", withIntermediateDirectories: true)
        let removed = StaleTemporaries.remove(besides: folder.path + "/status.json")
        #expect(removed == [".status.json.Ab12Cd"])
        #expect(FileManager.default.fileExists(atPath: folder.path + "/.status.json.Folder"))
    }
}
