import Foundation

/// The machine a report was made on.
struct MachineInfo: Codable, Sendable {
    /// Online processors.
    var cpus: Int
    /// `model name` from `/proc/cpuinfo`.
    var cpuModel: String
    /// `MemTotal` from `/proc/meminfo`, MB.
    var memoryMb: Int
    /// The kernel release.
    var kernel: String

    enum CodingKeys: String, CodingKey {
        case cpus
        case cpuModel = "cpu_model"
        case memoryMb = "memory_mb"
        case kernel
    }

    /// Reads the current machine's figures.
    static func current() -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let kernel = (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)) ?? ""
        func field(_ text: String, _ name: String) -> String? {
            text.split(separator: "\n").first { $0.hasPrefix(name) }
                .flatMap { $0.split(separator: ":", maxSplits: 1).last }
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let kilobytes = field(meminfo, "MemTotal").flatMap { Int($0.split(separator: " ").first ?? "") } ?? 0
        return MachineInfo(
            cpus: ProcessInfo.processInfo.activeProcessorCount,
            cpuModel: field(cpuinfo, "model name") ?? "unknown",
            memoryMb: kilobytes / 1024,
            kernel: kernel.trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }

    /// `2 CPUs, AMD EPYC, 23,540 MB RAM, Linux 6.1.0`.
    var line: String {
        "\(cpus) CPUs (\(cpuModel)), \(memoryMb) MB RAM, Linux \(kernel)"
    }
}
