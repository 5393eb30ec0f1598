import PresenceCore
import Testing

@Suite struct StateColumnPainterTests {
    @Test func everyTableWithAStateColumnIsPainted() {
        let lines = [
            "3 agents in 2 accounts: 1 online",
            "ACCOUNT  STATE         AGENTS",
            "eu       rate_limited  2",
            "",
            "AGENT   ACCOUNT  STATE      LAST ERROR",
            "Éloïse  eu       off_shift  -",
            "Bob     us       disabled   online",
            "",
            "BOT      STATE  SINCE",
            "helpbot  down   3s ago",
        ]
        let painted = StateColumnPainter.paint(lines)
        #expect(painted[0] == lines[0])
        #expect(painted[1] == lines[1])
        #expect(painted[2] == "eu       \u{1B}[33mrate_limited\u{1B}[0m  2")
        #expect(painted[5] == "Éloïse  eu       \u{1B}[36moff_shift\u{1B}[0m  -")
        #expect(painted[6] == "Bob     us       \u{1B}[2mdisabled\u{1B}[0m   online", "only the STATE column")
        #expect(painted[9] == "helpbot  \u{1B}[31mdown\u{1B}[0m   3s ago")
    }

    @Test func aWordNotAtTheColumnOrNotAStateStaysPlain() {
        let lines = ["AGENT  STATE   LAST ERROR", "Alice  weird   -", "Alice   online  -"]
        let painted = StateColumnPainter.paint(lines)
        #expect(painted[1] == lines[1])
        #expect(painted[2] == lines[2], "the word starts after the column: not the column's")
    }

    @Test func linesWithoutATableStayAsTheyAre() {
        let lines = ["agent-presenced is not running: no status file at /run/x/status.json", "online"]
        #expect(StateColumnPainter.paint(lines) == lines)
    }

    @Test func eachStateHasOneColour() {
        #expect(TerminalStyle.colour(ofState: "online") == .green)
        #expect(TerminalStyle.colour(ofState: "retrying") == .yellow)
        for state in ["lapsed", "rejected", "bot_down"] { #expect(TerminalStyle.colour(ofState: state) == .red) }
        for state in ["paused", "standby", "off_shift", "away"] { #expect(TerminalStyle.colour(ofState: state) == .cyan) }
        #expect(TerminalStyle.colour(ofState: "disabled") == .dim)
        #expect(TerminalStyle.colour(ofState: "AGENT") == nil)
    }
}
