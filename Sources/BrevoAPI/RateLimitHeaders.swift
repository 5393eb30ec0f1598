import NIOHTTP1
import PresenceCore

/// Reads Brevo's rate-limit headers and `Retry-After` from a response.
public enum RateLimitHeaders {
    /// The rate-limit information in `headers`; malformed values are left out, not guessed.
    ///
    /// - Parameter now: the current wall-clock time (seconds since the epoch), used for an
    ///   HTTP-date `Retry-After` when the response has no usable `Date` header.
    public static func parse(_ headers: HTTPHeaders, now: Int64) -> RateLimitInfo {
        var info = RateLimitInfo()
        info.limit = headers.first(name: "x-sib-ratelimit-limit").flatMap(nonNegativeInteger)
        info.remaining = headers.first(name: "x-sib-ratelimit-remaining").flatMap(nonNegativeInteger)
        info.reset = headers.first(name: "x-sib-ratelimit-reset").flatMap(nonNegativeInteger).map { .seconds($0) }
        if let retryAfter = headers.first(name: "retry-after") {
            let responseDate = headers.first(name: "date").flatMap(HTTPDate.secondsSinceEpoch)
            info.retryAfter = RetryAfter.delay(retryAfter, responseDate: responseDate, now: now)
        }
        return info
    }

    private static func nonNegativeInteger(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(trimmed) ?? Int.max
    }
}
