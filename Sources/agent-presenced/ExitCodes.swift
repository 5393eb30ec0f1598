import ArgumentParser

/// The exit codes of the contract: 0 success, 64 usage, 78 configuration, 1 anything else.
extension ExitCode {
    /// EX_USAGE.
    static let usage = ExitCode(64)
    /// EX_CONFIG: any configuration error.
    static let config = ExitCode(78)
}
