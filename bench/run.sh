#!/usr/bin/env bash
# Every benchmark in one run, one after another on the same machine and build, each writing its own
# section of bench/RESULTS.md (raw output in bench/out/):
#   listener.sh  the listener alone (GET /healthz) against nginx `return 200`, same certificate, TLS 1.3
#   ack.sh       the Slack-signed slash-command acknowledgement: taskbot, nginx and Bolt on gunicorn
#   parser.sh    the command parser against Python's recurrent and dateparser on the corpus phrases
#   worker.sh    confirmed changes per second, and the store's size after 100,000 commands
#   load.sh      five minutes at 64 connections of signed commands and clicks (LOAD_SECONDS, default 300)
#   idle.sh      2,000 idle TLS connections held open beside normal traffic
# All traffic stays on 127.0.0.1 and every phase is bounded in time (about 25 minutes in all).
# Usage: bench/run.sh [PHASE...] (default: all phases, in the order above).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

phases=("$@")
[ ${#phases[@]} -gt 0 ] || phases=(listener ack parser worker load idle)

swift build -c release --product taskbot >&2
started=$(date -u +%Y-%m-%dT%H:%MZ)
for phase in "${phases[@]}"; do
    echo "== bench/$phase.sh ($(date -u +%H:%M:%S))" >&2
    case "$phase" in
        load) bench/load.sh "${LOAD_SECONDS:-300}" ;;
        worker) bench/worker.sh "${STORE_COMMANDS:-100000}" ;;
        idle) bench/idle.sh "${IDLE_CONNECTIONS:-2000}" ;;
        listener | ack | parser) "bench/$phase.sh" ;;
        *) echo "unknown phase: $phase (listener, ack, parser, worker, load, idle)" >&2; exit 2 ;;
    esac
done

# The header of RESULTS.md: the machine and versions of this run.
python3 - "$started" <<'PY'
import platform, re, subprocess, sys

def first_line(command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=20)
        return (result.stdout or result.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "not found"

cpu = next((l.split(": ", 1)[1] for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
memory = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")) / 1024 / 1024
header = "\n".join([
    "# Benchmark results",
    "",
    f"Last full run started {sys.argv[1]} by `bench/run.sh`. Machine: {subprocess.getoutput('nproc')} cores "
    f"({cpu}), {memory:.0f} GiB, Linux {platform.release()}; load generators share the same cores.",
    f"Versions: {first_line(['swift', '--version'])}; {first_line(['openssl', 'version'])}; "
    f"{first_line(['nginx', '-v'])}; wrk {first_line(['dpkg-query', '-W', '-f=${Version}', 'wrk'])}; "
    f"SQLite {first_line(['sqlite3', '--version']).split()[0]}; {first_line(['python3', '--version'])}.",
    "Each section below says which script wrote it and when; goals are those of the issues.",
    "",
])
path = "bench/RESULTS.md"
text = open(path).read()
first_section = re.search(r"^## ", text, re.M)
body = text[first_section.start():] if first_section else ""
open(path, "w").write(header + "\n" + body)
PY
echo "bench/RESULTS.md updated" >&2
