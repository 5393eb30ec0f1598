import PresenceCore
import Testing

@Suite("ConfigParser: metrics")
struct ConfigParserMetricsTests {
    @Test func bothKeysAreReadAndOffIsTheDefault() throws {
        let config = try ConfigParser.parse("metrics:\n  listen: 127.0.0.1:9464\n  textfile: /var/lib/prometheus/node-exporter/ap.prom\n", file: "config.yaml")
        #expect(config.metrics.listen == ListenAddress(host: "127.0.0.1", port: 9464))
        #expect(config.metrics.textfile == "/var/lib/prometheus/node-exporter/ap.prom")
        #expect(try ConfigParser.parse("", file: "config.yaml").metrics.isEnabled == false)
        #expect(try ConfigParser.parse("metrics:\n  listen: \"[::1]:9464\"\n", file: "config.yaml").metrics.listen == ListenAddress(host: "::1", port: 9464))
    }

    @Test("a listen address that does not parse names the key", arguments: [
        ("9464", "expected HOST:PORT"), ("127.0.0.1:0", "the port must be a number from 1 to 65535"),
        ("127.0.0.1:http", "the port must be"), (":9464", "the host is empty"), ("::1:9464", "expected HOST:PORT"),
    ])
    func badListen(text: String, mentions: String) {
        expectOneConfigIssue("metrics:\n  listen: \"\(text)\"\n", keyPath: "metrics.listen", line: 2, mentions: mentions)
    }

    @Test func theTextfileMustBeAPromFile() {
        expectOneConfigIssue("metrics:\n  textfile: /tmp/metrics.txt\n", keyPath: "metrics.textfile", line: 2, mentions: "reads only *.prom files")
    }

    @Test func anAddressOtherHostsReachIsAWarning() throws {
        let open = try ConfigParser.parse("metrics:\n  listen: 0.0.0.0:9464\n", file: "config.yaml")
        #expect(ConfigParser.warnings(for: open).contains { $0.hasPrefix("metrics.listen 0.0.0.0:9464 can be reached from other hosts") })
        let local = try ConfigParser.parse("metrics:\n  listen: localhost:9464\n", file: "config.yaml")
        #expect(ConfigParser.warnings(for: local).isEmpty)
    }
}
