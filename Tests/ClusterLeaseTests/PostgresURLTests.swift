import ClusterLease
import Testing

@Suite("PostgresURL")
struct PostgresURLTests {
    @Test("A full URL: user, percent-decoded password, host, port, database, query")
    func fullURL() throws {
        let url = try PostgresURL(parsing: "postgresql://lease%40app:p%40ss%3Aw%2Frd@db.example.com:6432/presence?sslmode=verify-full&sslrootcert=/etc/ca.pem&connect_timeout=7")
        #expect(url.user == "lease@app")
        #expect(url.password == "p@ss:w/rd")
        #expect(url.host == "db.example.com")
        #expect(url.port == 6432)
        #expect(url.database == "presence")
        #expect(url.sslMode == .verifyFull)
        #expect(url.sslRootCertificatePath == "/etc/ca.pem")
        #expect(url.connectTimeout == .seconds(7))
    }

    @Test("Defaults: port 5432, database = user, sslmode prefer, 10 s connect timeout")
    func defaults() throws {
        let url = try PostgresURL(parsing: "postgres://presenced@10.0.0.5")
        #expect(url.password == nil)
        #expect(url.port == 5432)
        #expect(url.database == "presenced")
        #expect(url.sslMode == .prefer)
        #expect(url.connectTimeout == .seconds(10))
        #expect(try PostgresURL(parsing: "postgres://u:pw@h/").database == "u")
    }

    @Test("An IPv6 host in brackets, with and without a port")
    func ipv6() throws {
        let withPort = try PostgresURL(parsing: "postgres://u:pw@[::1]:5433/db")
        #expect(withPort.host == "::1")
        #expect(withPort.port == 5433)
        #expect(try PostgresURL(parsing: "postgres://u@[fe80::2]/db").host == "fe80::2")
        #expect(withPort.description == "postgres://u:***@[::1]:5433/db?sslmode=prefer")
    }

    @Test("Every sslmode is read")
    func sslModes() throws {
        for mode in PostgresSSLMode.allCases {
            #expect(try PostgresURL(parsing: "postgres://u@h/db?sslmode=\(mode.rawValue)").sslMode == mode)
        }
    }

    @Test("description, debugDescription, interpolation and dump hide the password")
    func redaction() throws {
        let url = try PostgresURL(parsing: "postgres://u:TopSecret42@h:5432/db?sslmode=require")
        #expect(url.description == "postgres://u:***@h:5432/db?sslmode=require")
        #expect(url.debugDescription == url.description)
        #expect(!"\(url)".contains("TopSecret42"))
        #expect(!String(reflecting: url).contains("TopSecret42"))
        var dumped = ""
        dump(url, to: &dumped)
        #expect(!dumped.contains("TopSecret42"))
    }

    @Test("Malformed URLs are refused with a reason that never holds the password", arguments: [
        ("mysql://u:Secret1@h/db", "postgres://"),
        ("postgres://h/db", "no user"),
        ("postgres://u:Secret1@/db", "no host"),
        ("postgres://u:Secret1@h:99999/db", "port"),
        ("postgres://u:Secret1@h:abc/db", "port"),
        ("postgres://u:Secret1@[::1/db", "bracket"),
        ("postgres://u:Secret1%zz@h/db", "password"),
        ("postgres://u:Secret1@h/db?sslmode=sometimes", "sslmode"),
        ("postgres://u:Secret1@h/db?connect_timeout=-1", "connect_timeout"),
        ("postgres://u:Secret1@h/db?colour=blue", "colour"),
        ("postgres://u:Secret1@h1,h2/db", "one host"),
    ])
    func refused(text: String, mentioning: String) {
        #expect {
            _ = try PostgresURL(parsing: text)
        } throws: { error in
            let message = "\(error)"
            return message.contains(mentioning) && !message.contains("Secret1")
                && !String(reflecting: error).contains("Secret1")
        }
    }
}
