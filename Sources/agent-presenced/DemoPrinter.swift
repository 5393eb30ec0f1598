import BrevoStandIn
import Foundation
import ServiceLifecycle

/// Prints the status table every few seconds; returning (after `stopAfter` seconds) shuts the
/// demo down gracefully.
struct DemoPrinter: Service {
    let statusFile: String
    let standIn: BrevoStandIn
    let stopAfter: Int?

    func run() async throws {
        let start = ContinuousClock.now
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3))
            if Task.isShuttingDownGracefully { return }
            if let document = ReloadCommand.readStatus(statusFile) {
                Console.out("")
                for line in StatusTable(document: document).lines { Console.out(line) }
            }
            if let stopAfter, ContinuousClock.now - start >= .seconds(stopAfter) { return }
        }
    }
}
