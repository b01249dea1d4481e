#!/usr/bin/env bash
# Commands parsed per second on one core over the corpus phrases: taskbot's parser (release build)
# side by side with Python's `recurrent` and `dateparser` on the same phrases. Writes the figures to
# bench/RESULTS.md, section "Parser". Usage: bench/parser.sh [ROUNDS] [PYTHON_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
rounds="${1:-1000000}"
python_seconds="${2:-10}"
corpus="${TASKBOT_CORPUS:-../shared/corpus/schedule-phrases.tsv}"
[ -f "$corpus" ] || corpus="../../shared/corpus/schedule-phrases.tsv"
[ -f "$corpus" ] || corpus="Tests/Fixtures/shared/corpus/schedule-phrases.tsv"
[ -f "$corpus" ] || { echo "bench: corpus not found (set TASKBOT_CORPUS)" >&2; exit 1; }

phrases=.build/bench-phrases.txt
mkdir -p .build
tail -n +2 "$corpus" | cut -f3 > "$phrases"

swift build -c release --product taskbot >/dev/null
venv=.build/benchenv
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/python" -c 'import recurrent, dateparser' 2>/dev/null ||
    "$venv/bin/pip" install -q recurrent==0.4.1 dateparser==1.5.0

pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
swift_json=$($pin .build/release/taskbot parse --bench "$rounds" --phrases "$phrases")
python_json=$($pin "$venv/bin/python" bench/python_parsers.py "$phrases" "$python_seconds")
echo "$swift_json"
echo "$python_json"

"$venv/bin/python" - "$swift_json" "$python_json" "$(wc -l < "$phrases")" <<'PY'
import json, re, sys, datetime, platform, os
swift = json.loads(sys.argv[1])
libs = [json.loads(line) for line in sys.argv[2].splitlines() if line.strip()]
phrases = int(sys.argv[3])
load = os.getloadavg()[0]
rows = [f"| taskbot `CommandParser` + patch (Swift, release) | {swift['per_cpu_second']:,} | "
        f"{swift['per_second']:,} | {swift['accepted']}/{swift['parsed']} commands accepted | 1.0 |"]
for lib in libs:
    ratio = swift["per_cpu_second"] / lib["per_cpu_second"]
    rows.append(f"| Python `{lib['library']}` | {lib['per_cpu_second']:,} | - | "
                f"answered {lib['answered']}/{lib['phrases']} phrases | taskbot is {ratio:,.0f}x faster |")
section = "\n".join([
    "## Parser",
    "",
    f"Measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC by `bench/parser.sh` on one core (`taskset -c 0`), "
    f"{phrases} corpus phrases round-robin, load average {load:.1f} on {os.cpu_count()} cores "
    "(other builds were running; CPU-time rates are the fair figure).",
    "",
    "| parser | phrases per CPU second | per wall second | output | ratio |",
    "| --- | --- | --- | --- | --- |",
    *rows,
    "",
    "taskbot's figure covers the whole command: verb, task reference, schedule phrase, zone, and the API patch",
    "against a current cron. `recurrent` and `dateparser` only turn the text into a rule or a date, and",
    "\"answered\" counts any non-None result, right or wrong.",
    "",
    f"Goal: over 200,000 commands per second on one core: "
    f"{'met' if swift['per_cpu_second'] > 200000 else 'not met'} ({swift['per_cpu_second']:,} per CPU second).",
    "",
])
path = "bench/RESULTS.md"
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n\n"
if "## Parser" in text:
    text = re.sub(r"## Parser\n.*?(?=\n## |\Z)", section.rstrip("\n") + "\n", text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
print(f"wrote {path}")
PY
