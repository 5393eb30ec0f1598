import BrevoAPI
import BrevoStandIn
import PresenceCore

/// The key the stand-ins accept; long and distinctive so a leak would be found by `contains`.
let testKey = "xkeysib-test-0123456789abcdef-SECRET"

/// The keys of two accounts served by one stand-in or one client.
let keyA = "xkeysib-account-a-0123456789-SECRET"
let keyB = "xkeysib-account-b-9876543210-SECRET"

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
    try await withBareStandIn(faults: faults, logFile: logFile) { standIn in
        let client = BrevoClient(baseURL: standIn.baseURL, apiKey: apiKey, timeout: timeout)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(standIn, client))
        } catch {
            result = .failure(error)
        }
        await client.shutdown()
        return try result.get()
    }
}

/// Runs `body` with a fresh stand-in accepting `apiKeys`, then shuts it down, even when
/// `body` throws.
func withBareStandIn<T>(
    apiKeys: [String] = [testKey],
    faults: FaultPlan = .none,
    logFile: String? = nil,
    _ body: (BrevoStandIn) async throws -> T
) async throws -> T {
    let standIn = try await BrevoStandIn.start(apiKeys: apiKeys, faults: faults, logFile: logFile)
    let result: Result<T, any Error>
    do { result = .success(try await body(standIn)) } catch { result = .failure(error) }
    try await standIn.shutdown()
    return try result.get()
}

/// Whether `outcome` shows `key` anywhere a log or status file could print it.
func leaksKey(_ outcome: PingOutcome, _ key: String) -> Bool {
    [outcome.message, outcome.brevoCode, outcome.requestID, outcome.summary]
        .compactMap { $0 }
        .contains { $0.contains(key) }
}
