import Foundation
import Synchronization

/// The run-time switch of a Broker stand-in's fault, served on the Brevo stand-in's port as
/// `PUT /_standin/broker-fault` with a fault spec (``BrokerFault/init(argument:)``) as body, so
/// an end-to-end test can take the bot down and up with `curl` while the Broker port is closed.
final class BrokerFaultControl: Sendable {
    /// The control's path on the Brevo stand-in.
    static let path = "/_standin/broker-fault"

    private let broker = Mutex<BrokerStandIn?>(nil)

    /// Makes `standIn` the Broker stand-in the control switches.
    func attach(_ standIn: BrokerStandIn) {
        broker.withLock { $0 = standIn }
    }

    /// The answer to a control request: 204 once the fault is in force, 400 for a spec that
    /// does not read, 404 without a Broker stand-in, 405 for a method other than PUT, 500
    /// when the port cannot be bound again.
    func apply(method: String, body: [UInt8]) async -> (status: Int, message: String) {
        guard method == "PUT" else { return (405, "use PUT with a Broker fault as the body") }
        guard let standIn = broker.withLock({ $0 }) else { return (404, "no Broker stand-in is running") }
        let spec = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let fault = BrokerFault(argument: spec) else {
            return (400, "cannot read the Broker fault '\(spec.prefix(100))'")
        }
        do {
            try await standIn.setFault(fault)
            return (204, "")
        } catch {
            return (500, "cannot switch the Broker fault: \(error)")
        }
    }
}
