import Foundation
import PresenceCore
import Testing

@Suite struct StatusWatchFrameTests {
    static let table = [
        "agent-presenced pid 42, config generation 1 (/etc/x.yaml), updated 2026-12-06T21:22:25.000Z",
        "2 agents: 1 online, 1 lapsed",
        "AGENT  STATE   LAST SUCCESS  NEXT PING  FAILURES  LAST ERROR",
        "Alice  online  3s ago        in 57s     0         -",
        "Bob    lapsed  -             in 2s      4         HTTP 503",
    ]
    static let frame = StatusWatchFrame(header: "Every 2s: agent-presenced status", lines: table)

    @Test func plainFramesAreTheLinesWithABlankLineBetweenFrames() {
        let first = Self.frame.rendered(for: .plain, isFirst: true)
        let second = Self.frame.rendered(for: .plain, isFirst: false)
        #expect(first == Self.table.joined(separator: "\n") + "\n")
        #expect(second == "\n" + first)
        #expect(!(first + second).contains("\u{1B}"))
        #expect(!first.contains("Every"), "the header is for terminals")
    }

    @Test func aTerminalFrameRedrawsInPlace() {
        let first = Self.frame.rendered(for: .terminal(colour: false), isFirst: true)
        let next = Self.frame.rendered(for: .terminal(colour: false), isFirst: false)
        #expect(first.hasPrefix("\u{1B}[H\u{1B}[2J"))
        #expect(next.hasPrefix("\u{1B}[H") && !next.contains("\u{1B}[2J"), "only the first frame clears the screen")
        #expect(next.hasSuffix("\u{1B}[J"))
        let lines = next.dropFirst("\u{1B}[H".count).dropLast("\u{1B}[J".count).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.map(String.init) == (["Every 2s: agent-presenced status", ""] + Self.table).map { $0 + "\u{1B}[K" })
    }

    @Test func colourPaintsOnlyTheStates() {
        let plain = Self.frame.rendered(for: .terminal(colour: false), isFirst: false)
        let coloured = Self.frame.rendered(for: .terminal(colour: true), isFirst: false)
        #expect(!plain.contains("\u{1B}[3"))
        #expect(coloured.contains("Alice  \u{1B}[32monline\u{1B}[0m  3s ago"))
        #expect(coloured.contains("Bob    \u{1B}[31mlapsed\u{1B}[0m  -"))
        #expect(coloured.contains("2 agents: 1 online, 1 lapsed\u{1B}[K"), "the summary line stays plain")
    }

    @Test func whatDoesNotFitTheScreenIsCutOff() {
        let screen = StatusWatchFrame.ScreenSize(rows: 5, columns: 12)
        let frame = Self.frame.rendered(for: .terminal(colour: true), isFirst: false, screen: screen)
        let lines = frame.dropFirst("\u{1B}[H".count).dropLast("\u{1B}[J".count).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.map(String.init) == ["Every 2s: ag", "", "agent-presen", "2 agents: 1 "].map { $0 + "\u{1B}[K" },
                "one line short of the height (the last newline would scroll), each line at the width")
        #expect(Self.frame.rendered(for: .plain, isFirst: true, screen: screen) == Self.frame.rendered(for: .plain, isFirst: true),
                "a pipe gets everything")
    }

    @Test func theHeaderNamesTheIntervalAndTheTime() {
        let date = Date(timeIntervalSince1970: 1_796_592_145) // 2026-12-06 21:22:25 UTC
        let utc = TimeZone(identifier: "UTC")!
        #expect(StatusWatchFrame.header(title: "agent-presenced status", interval: 2, at: date, timeZone: utc)
            == "Every 2s: agent-presenced status    Sun Dec 6 21:22:25 2026")
        #expect(StatusWatchFrame.header(title: "x", interval: 0.25, at: date, timeZone: utc).hasPrefix("Every 0.25s: x    "))
    }
}
