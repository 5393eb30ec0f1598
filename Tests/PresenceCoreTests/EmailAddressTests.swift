import PresenceCore
import Testing

@Suite("EmailAddress")
struct EmailAddressTests {
    @Test("accepts ordinary addresses", arguments: [
        "liz@example.com", "Liz.Smith+chat@mail.example.co.uk", "a@b.io", "o'neil@example.org",
        "x_y-z@sub-domain.example.com", "user123@123example.com",
    ])
    func accepts(address: String) {
        #expect(EmailAddress.problem(in: address) == nil)
        #expect(EmailAddress.isValid(address))
    }

    @Test("refuses anything Brevo could turn into a dummy agent", arguments: [
        ("liz@", "no domain"),
        ("@example.com", "nothing before"),
        ("liz", "no @"),
        ("liz@@example.com", "more than one @"),
        ("liz@exa@mple.com", "more than one @"),
        ("liz smith@example.com", "space"),
        ("liz@example", "without a dot"),
        ("liz@example.c", "top-level domain"),
        ("liz@example.c0m", "top-level domain"),
        ("liz@-example.com", "hyphen"),
        ("liz@example-.com", "hyphen"),
        ("liz..smith@example.com", "two dots"),
        ("liz@example..com", "two dots"),
        (".liz@example.com", "dot"),
        ("liz.@example.com", "dot"),
        ("liz@exam_ple.com", "in its domain"),
        ("li(z)@example.com", "before the @"),
        ("liz@example.com.", "empty domain label"),
        ("lïz@example.com", "non-ASCII"),
        ("", "empty"),
    ])
    func refuses(address: String, reason: String) {
        let problem = EmailAddress.problem(in: address)
        #expect(problem?.contains(reason) == true, "\(address): \(problem ?? "accepted")")
    }

    @Test("refuses addresses longer than 254 characters")
    func refusesLongAddresses() {
        let label = String(repeating: "a", count: 60)
        let address = "liz@" + [label, label, label, label, label, "com"].joined(separator: ".")
        #expect(address.utf8.count > 254)
        #expect(EmailAddress.problem(in: address)?.contains("254") == true)
    }
}
