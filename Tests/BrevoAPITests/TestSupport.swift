import BrevoAPI
import BrevoStandIn
import PresenceCore

/// The key the stand-ins accept; long and distinctive so a leak would be found by `contains`.
let testKey = "xkeysib-test-0123456789abcdef-SECRET"

/// An agent in the ID form.
let alice = PingRequest(identity: .id("d9nKoegKSjmCtyK78"))

/// Runs `body` with a fresh stand-in and a client pointed at it, then shuts both down, even
/// when `body` throws.
func withStandIn<T>(
    faults: FaultPlan = .none,
    apiKey: String = testKey,
    timeout: Duration = .seconds(5),
    logFile: String? = nil,
    _ body: (BrevoStandIn, BrevoClient) async throws -> T
) async throws -> T {
    let standIn = try await BrevoStandIn.start(apiKey: testKey, faults: faults, logFile: logFile)
    let client = BrevoClient(baseURL: standIn.baseURL, apiKey: apiKey, timeout: timeout)
    let result: Result<T, any Error>
    do {
        result = .success(try await body(standIn, client))
    } catch {
        result = .failure(error)
    }
    await client.shutdown()
    try await standIn.shutdown()
    return try result.get()
}

/// Whether `outcome` shows `key` anywhere a log or status file could print it.
func leaksKey(_ outcome: PingOutcome, _ key: String) -> Bool {
    [outcome.message, outcome.brevoCode, outcome.requestID, outcome.summary]
        .compactMap { $0 }
        .contains { $0.contains(key) }
}
