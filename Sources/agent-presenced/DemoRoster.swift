import Foundation

/// The demo's roster: two Brevo accounts, agents in both identity forms, one disabled, one on a
/// schedule whose shifts come and go every minute, one that is a bot, a short interval. Each account's key is
/// `<account>.key` in the demo's folder.
enum DemoRoster {
    /// The accounts, in config order; the second one gets rate-limited during the demo.
    static let accounts = ["support-eu", "sales-us"]

    /// The agent the demo sends away for a while through the control API.
    static let awayAgent = "demo-bob"

    /// The bot whose Broker fails for a while.
    static let bot = "helpbot"

    /// One-minute spans, every other minute from the current one, in UTC: on now, off the
    /// next minute, on again, … (an hour of them).
    static func blinkingSpans(from now: Date) -> String {
        let minute = Int(now.timeIntervalSince1970 / 60) % 1440
        let spans = stride(from: 0, to: 60, by: 2).map { offset in
            let start = (minute + offset) % 1440
            let end = (start + 1) % 1440
            return String(format: "%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60)
        }
        return spans.joined(separator: ", ")
    }

    /// The config; the Broker key is `broker.key` in `folder`.
    /// The URL file's text: the demo's lease table is in process, so nothing connects to it.
    static let postgresURL = "postgres://demo@127.0.0.1:1/demo-lease-table-is-in-process\n"

    static func yaml(
        baseURL: String, brokerURL: String, folder: String, metricsPort: Int, caFile: String? = nil, now: Date = Date()
    ) -> String {
        let trust = caFile.map { "ca_file: \($0)" } ?? "# no ca_file: plain HTTP"
        return """
        accounts:
          support-eu:
            base_url: \(baseURL)
            api_key_file: \(folder)/support-eu.key
            received_from: agent-presenced-demo
            \(trust)
          sales-us:
            base_url: \(baseURL)
            api_key_file: \(folder)/sales-us.key
            received_from: agent-presenced-demo
            \(trust)
        ping:
          interval: 3s
          jitter: 300ms
          timeout: 1s
          presence_window: 15s
        status_file: \(folder)/status.json
        cluster:
          postgres_url_file: \(folder)/postgres-url
          node: demo-1
          lease: 10s
        metrics:
          listen: 127.0.0.1:\(metricsPort)
        bots:
          \(bot):
            base_url: \(brokerURL)
            org: 6c1f2a4e-1b2c-4d3e-8f90-0123456789ab
            env: 0a9e1b2c-3d4e-4f50-9a61-b2c3d4e5f607
            bot: 47d2c3b4-a596-4788-99aa-bbccddeeff00
            channel: 9f31d2e3-f4a5-4b6c-8d7e-8f9a0b1c2d3e
            api_key_file: \(folder)/broker.key
            \(trust)
            locale: en-US
            probe:
              text: ping
              expect: "(?i)hello"
              interval: 10s
              timeout: 2s
              down_after: 1
              up_after: 1
        schedules:
          blinking:
            timezone: UTC
            weekly:
              mon-sun: \(blinkingSpans(from: now))
        agents:
          - id: demo-alice
            label: Alice
            account: support-eu
          - id: demo-bob
            label: Bob
            account: support-eu
          - email: carol@example.com
            name: Carol
            label: Carol
            account: support-eu
          - id: demo-erin
            label: Erin (off duty)
            account: support-eu
            enabled: false
          - id: demo-grace
            label: Grace (on a schedule)
            account: support-eu
            schedule: blinking
          - id: demo-helpbot
            label: Help bot (a bot)
            account: support-eu
            bot: \(bot)
          - id: demo-dave
            label: Dave
            account: sales-us
          - id: demo-frank
            label: Frank
            account: sales-us
        """
    }
}
