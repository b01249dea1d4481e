import Foundation

/// The team's shared test material (the schedule-phrase corpus, the tasks API's schemas).
///
/// Looked for in `$TASKBOT_SHARED_DIR`, then in a `shared/` folder beside the repository or further up
/// (worktrees sit one level deeper), and last in the copies under `Tests/Fixtures/shared`, so that a
/// lone clone still runs every test.
public enum SharedMaterial {
    /// The path of `relative` (for example `corpus/schedule-phrases.tsv`), or nil when no copy exists.
    public static func path(_ relative: String) -> String? {
        candidates(relative).first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Every place `path(_:)` looks, in order, for messages that say where a file was looked for.
    public static func candidates(_ relative: String) -> [String] {
        var roots: [String] = []
        if let configured = ProcessInfo.processInfo.environment["TASKBOT_SHARED_DIR"], !configured.isEmpty {
            roots.append(configured)
        }
        var url = URL(fileURLWithPath: PythonEnvironment.packageRoot)
        while url.path != "/" {
            url.deleteLastPathComponent()
            roots.append(url.appendingPathComponent("shared").path)
        }
        roots.append(PythonEnvironment.packageRoot + "/Tests/Fixtures/shared")
        return roots.map { $0 + "/" + relative }
    }
}
