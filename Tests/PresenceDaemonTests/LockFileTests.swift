import Foundation
import Testing
@testable import PresenceDaemon

@Suite struct LockFileTests {
    static func record(_ pid: Int32 = 4242) -> DaemonRecord {
        DaemonRecord(pid: pid, config: "/etc/agent-presenced/config.yaml", statusFile: "/run/s.json", startedAt: "2026-11-29T00:00:00.000Z")
    }

    @Test func theHolderIsSeenAndASecondTakerIsToldWhoHoldsIt() throws {
        let folder = try ConfigTestFolder()
        let path = folder.path + "/d.pid"
        guard case .acquired(let lock) = try LockFile.acquire(path, writing: Self.record()) else {
            Issue.record("the first acquire did not get the lock")
            return
        }
        #expect(LockFile.holder(of: path) == .process(Self.record()))
        guard case .held(let holder) = try LockFile.acquire(path, writing: Self.record(1)) else {
            Issue.record("a second acquire got a held lock")
            return
        }
        #expect(holder == Self.record())

        var moved = Self.record()
        moved.statusFile = "/run/elsewhere.json"
        try lock.write(moved)
        #expect(LockFile.holder(of: path) == .process(moved))

        lock.release()
        #expect(LockFile.holder(of: path) == .nobody)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// The file of a daemon killed with -9 stays, but nobody holds it: it is stale, whatever PID it names.
    @Test func aFileNobodyHoldsIsStaleAndCanBeTaken() throws {
        let folder = try ConfigTestFolder()
        let path = try folder.write("d.pid", String(decoding: Self.record(getpid()).bytes, as: UTF8.self))
        #expect(LockFile.holder(of: path) == .nobody)
        guard case .acquired(let lock) = try LockFile.acquire(path, writing: Self.record()) else {
            Issue.record("a stale file could not be taken")
            return
        }
        lock.release()
    }

    @Test func theConfigsPidFileIsNamedAfterItsCanonicalPath() throws {
        let folder = try ConfigTestFolder()
        let config = try folder.write("config.yaml", "agents:\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.yaml", withDestinationPath: config)
        let environment = ["RUNTIME_DIRECTORY": "/run/x:/run/y"]
        let direct = InstancePaths.pidFile(forConfig: config, environment: environment)
        #expect(direct.hasPrefix("/run/x/agent-presenced-") && direct.hasSuffix(".pid"))
        #expect(InstancePaths.pidFile(forConfig: folder.path + "/link.yaml", environment: environment) == direct)
        #expect(InstancePaths.pidFile(forConfig: folder.path + "/./config.yaml", environment: environment) == direct)
        #expect(InstancePaths.pidFile(forConfig: folder.path + "/other.yaml", environment: environment) != direct)
        #expect(InstancePaths.statusLock(forStatusFile: "/run/agent-presenced/status.json") == "/run/agent-presenced/.status.json.lock")
    }
}
