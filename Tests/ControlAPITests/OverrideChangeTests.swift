import Foundation
import Testing

@testable import ControlAPI

@Suite struct OverrideChangeTests {
    private func parse(_ json: String) -> Result<OverrideChange, ControlRequestError> {
        do throws(ControlRequestError) {
            return .success(try OverrideChange.parse(json: Array(json.utf8)))
        } catch {
            return .failure(error)
        }
    }

    private func message(_ json: String) -> String? {
        guard case .failure(let error) = parse(json) else { return nil }
        #expect(error.status == 400)
        return error.message
    }

    @Test func fullAndMinimalBodies() {
        let until = Date(timeIntervalSince1970: 1_777_658_400)
        #expect(parse(#"{"mode":"away","until":"2026-05-01T18:00:00Z","reason":"lunch"}"#) == .success(OverrideChange(mode: .away, until: until, reason: "lunch")))
        #expect(parse(#"{"mode":"online"}"#) == .success(OverrideChange(mode: .online)))
        #expect(parse(#"{"mode":"online","until":null,"reason":null}"#) == .success(OverrideChange(mode: .online)))
    }

    @Test func eachMistakeIsNamed() throws {
        #expect(try #require(message("")).contains("empty"))
        #expect(try #require(message("{")).contains("not valid JSON"))
        #expect(try #require(message("[1]")).contains("JSON object"))
        #expect(try #require(message(#"{}"#)).contains("mode is missing"))
        #expect(try #require(message(#"{"mode":"sleep"}"#)).contains("unknown mode \"sleep\""))
        #expect(try #require(message(#"{"mode":1}"#)).contains("mode must be"))
        #expect(try #require(message(#"{"mode":null}"#)).contains("mode must be"))
        #expect(try #require(message(#"{"mode":"away","until":"tomorrow"}"#)).contains("not an RFC 3339 time"))
        #expect(try #require(message(#"{"mode":"away","until":5}"#)).contains("until must be"))
        #expect(try #require(message(#"{"mode":"away","reason":["x"]}"#)).contains("reason must be a string"))
        #expect(try #require(message(#"{"mode":"away","untill":"2026-05-01T18:00:00Z"}"#)).contains("unknown field \"untill\""))
    }
}
