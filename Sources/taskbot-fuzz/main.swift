// libFuzzer entry point; see scripts/fuzz. Built only with -DFUZZING.
#if FUZZING
import Foundation
#endif
