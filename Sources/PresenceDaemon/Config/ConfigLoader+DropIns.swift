import Foundation
import PresenceCore

extension ConfigLoader {
    /// What reading an `agents_dir` found.
    struct DropInResult {
        var files: [(file: String, agents: [AgentSpec])] = []
        var issues: [ConfigIssue] = []
        var warnings: [String] = []
    }

    /// Reads every `*.yaml` in `folder`, in lexical (byte) order, like `run-parts`.
    ///
    /// Hidden files (editor leftovers) are skipped; a `.yml` file earns a warning because it
    /// was most likely meant to be read. `line` finds the `agents_dir` line for an issue; it
    /// parses the main file again, so it runs only when there is an issue to place.
    static func loadDropIns(folder: String, optional: Bool, configFile: String, line: () -> Int?) -> DropInResult {
        var result = DropInResult()
        var location: ConfigLocation { ConfigLocation(file: configFile, line: line()) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            if !optional {
                result.issues.append(ConfigIssue(location: location, keyPath: "agents_dir",
                    message: "the folder \(folder) does not exist (set agents_dir_optional: true to allow that)"))
            }
            return result
        }
        guard isFolder.boolValue else {
            result.issues.append(ConfigIssue(location: location, keyPath: "agents_dir",
                                             message: "\(folder) is not a folder"))
            return result
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            result.issues.append(ConfigIssue(location: location, keyPath: "agents_dir",
                                             message: "the folder \(folder) cannot be read"))
            return result
        }
        let visible = names.filter { !$0.hasPrefix(".") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in visible {
            let path = ConfigPaths.resolve(name, relativeTo: folder)
            if name.hasSuffix(".yml") {
                result.warnings.append("ignored \(path): only *.yaml files in agents_dir are read")
            }
            guard name.hasSuffix(".yaml") else { continue }
            do {
                let text = try readText(path, what: "drop-in file")
                result.files.append((path, try ConfigParser.parseDropIn(text, file: path)))
            } catch {
                result.issues += error.issues
            }
        }
        return result
    }
}
