#if FUZZING
    import Foundation

    /// One fuzz target: gets each input libFuzzer generates; traps on a broken invariant.
    typealias FuzzTarget = (UnsafePointer<UInt8>, Int) -> Void

    // SwiftPM links executables with `--defsym main=...`, so libFuzzer's own main cannot be used;
    // its driver is called from Swift instead (see docs/swift-on-linux.md section 5).
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    /// Picks the target named by TASKBOT_FUZZ_TARGET and hands control to libFuzzer.
    enum FuzzDriver {
        /// Set once before the driver starts; read only by the driver's single fuzzing thread.
        nonisolated(unsafe) static var selected: FuzzTarget?

        static func main(targets: [String: FuzzTarget]) -> Never {
            let name = ProcessInfo.processInfo.environment["TASKBOT_FUZZ_TARGET"] ?? ""
            guard let target = targets[name] else {
                let known = targets.keys.sorted().joined(separator: ", ")
                FileHandle.standardError.write(Data("taskbot-fuzz: set TASKBOT_FUZZ_TARGET to one of: \(known)\n".utf8))
                exit(2)
            }
            selected = target
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                    FuzzDriver.selected?(data, size)
                    return 0
                })
        }
    }
#endif
