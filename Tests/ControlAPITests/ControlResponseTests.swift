import Foundation
import Testing

@testable import ControlAPI

@Suite struct ControlResponseTests {
    @Test func errorBodyIsJSONWithTheMessage() {
        let response = ControlResponse.error(404, #"unknown agent "sales/x""#)
        #expect(response.status == 404)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":"unknown agent \"sales/x\""}"#)
        #expect(response.errorMessage == #"unknown agent "sales/x""#)
    }

    @Test func jsonEncodesDatesAsRFC3339() {
        struct Entry: Encodable { var until: Date }
        let response = ControlResponse.json(200, Entry(until: Date(timeIntervalSince1970: 1_777_658_400)))
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"until":"2026-05-01T18:00:00Z"}"#)
    }

    @Test func unencodableValueBecomes500() {
        let response = ControlResponse.json(200, ["x": Double.nan])
        #expect(response.status == 500)
        #expect(response.errorMessage != nil)
    }
}
