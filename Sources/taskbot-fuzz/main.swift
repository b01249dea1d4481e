// libFuzzer entry point; see scripts/fuzz. Built only with -DFUZZING (plain builds get a stub).
// Each target is a function in its own file; add it to this table under the name scripts/fuzz uses
// (the name of its seed directory under fuzz/corpus/).
#if FUZZING
    let fuzzTargets: [String: FuzzTarget] = [
        "http": FuzzHTTP.run,
        "cron": fuzzCron,
        "command": fuzzCommand,
        "form": fuzzForm,
        "slack-text": fuzzSlackText,
    ]
    FuzzDriver.main(targets: fuzzTargets)
#else
    print("taskbot-fuzz: build it with scripts/fuzz (needs -DFUZZING and -sanitize=fuzzer)")
#endif
