/// The demo's roster: two Brevo accounts, agents in both identity forms, one disabled, a short
/// interval. Each account's key is `<account>.key` in the demo's folder.
enum DemoRoster {
    /// The accounts, in config order; the second one gets rate-limited during the demo.
    static let accounts = ["support-eu", "sales-us"]

    static func yaml(baseURL: String, folder: String) -> String {
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
          - id: demo-dave
            label: Dave
            account: sales-us
          - id: demo-frank
            label: Frank
            account: sales-us
        """
    }
}
