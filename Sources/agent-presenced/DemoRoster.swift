import Foundation

/// The demo's roster: two Brevo accounts, agents in both identity forms, one disabled, one on a
/// schedule whose shifts come and go every minute, a short interval. Each account's key is
/// `<account>.key` in the demo's folder.
enum DemoRoster {
    /// The accounts, in config order; the second one gets rate-limited during the demo.
    static let accounts = ["support-eu", "sales-us"]

    /// The agent the demo sends away for a while through the control API.
    static let awayAgent = "demo-bob"

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

    static func yaml(baseURL: String, folder: String, now: Date = Date()) -> String {
        """
        accounts:
          support-eu:
            base_url: \(baseURL)
            api_key_file: \(folder)/support-eu.key
            received_from: agent-presenced-demo
          sales-us:
            base_url: \(baseURL)
            api_key_file: \(folder)/sales-us.key
            received_from: agent-presenced-demo
        ping:
          interval: 3s
          jitter: 300ms
          timeout: 1s
          presence_window: 9s
        status_file: \(folder)/status.json
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
          - id: demo-dave
            label: Dave
            account: sales-us
          - id: demo-frank
            label: Frank
            account: sales-us
        """
    }
}
