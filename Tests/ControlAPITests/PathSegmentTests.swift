import Testing

@testable import ControlAPI

@Suite struct PathSegmentTests {
    @Test func encodesEverythingButUnreserved() {
        #expect(PathSegment.encode("sales/id:abc") == "sales%2Fid%3Aabc")
        #expect(PathSegment.encode("a b?c#d%e") == "a%20b%3Fc%23d%25e")
        #expect(PathSegment.encode("A-z_0.9~") == "A-z_0.9~")
        #expect(PathSegment.encode("café") == "caf%C3%A9")
    }

    @Test(arguments: ["sales/id:abc", "a b?c#d%e", "café", "x..y", "ü/..", "%2F"])
    func decodingUndoesEncoding(_ key: String) throws {
        let encoded = PathSegment.encode(key)
        #expect(try PathSegment.decodeKey(encoded[...]) == key)
    }

    @Test func decodingAcceptsLowercaseHexAndRawSafeBytes() throws {
        #expect(try PathSegment.decodeKey("sales%2fid:abc") == "sales/id:abc")
    }
}
