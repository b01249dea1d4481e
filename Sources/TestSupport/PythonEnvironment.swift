import Foundation

/// Where the tests' Python peers live: the virtual environment `scripts/bootstrap --test` makes.
public enum PythonEnvironment {
    /// The package root, found from this file's path.
    public static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// $TASKBOT_TEST_PYTHON, else `.build/pyenv/bin/python` under the package root.
    public static var interpreter: String {
        if let path = ProcessInfo.processInfo.environment["TASKBOT_TEST_PYTHON"], !path.isEmpty { return path }
        return packageRoot + "/.build/pyenv/bin/python"
    }
}
