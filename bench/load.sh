#!/usr/bin/env bash
# Load and endurance (issue 7): SECONDS (default 300) of Slack-signed commands and clicks from 64 threads (one
# keep-alive TLS connection each) against taskbot and the local tasks API (`taskbot tasks-api`, 512 tasks).
# Each thread owns 8 tasks and cycles through them: a pause/resume preview, then Confirm (50 %), Cancel (25 %)
# or nothing (25 %, TASKBOT_PREVIEW_MINUTES=1 so it expires); before a task's next command the result of its
# last Confirm must have reached the loopback response_url collector and say what the preview promised.
# Checks, each failing the bench: every HTTP answer 200; PATCH count == confirmed clicks (every preview
# changes its task, so each confirm must PATCH exactly once); every task in the state its thread expects;
# one reply per click; RSS growth minute 1 → last sample under 10 %; descriptors back to the start count after
# the connections close. RSS and descriptors are sampled every 10 s.
# Usage: bench/load.sh [SECONDS]. Writes the section "Load and endurance".
source "$(dirname "$0")/common.sh"
seconds=${1:-300}
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
install_needs
build_release
start_tasks_api
export TASKBOT_PREVIEW_MINUTES=1
start_bot "$work/bot"
cafile="$bot_state/tls/self-signed-cert.pem"
"$python" bench/slack/driver.py tasks --api-port "$api_port" --count 512 --file "$work/tasks.txt" >/dev/null
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
fd_start=$(fd_count "$bot_pid")
other_start=$(ls -l "/proc/$bot_pid/fd" | grep -vc socket: || true)
fd_targets() { ls -l "/proc/$bot_pid/fd" | awk 'NR > 1 && $NF !~ /^socket:/ {print $NF}' | sed -E 's/[0-9]+\]$/N]/' | sort; }
fd_targets >"$out/load-files-start.txt"
rss_start=$(rss_kb "$bot_pid")
timeout $((seconds + 240)) "$python" bench/slack/driver.py load --seconds "$seconds" --workers 64 --confirm 0.5 --cancel 0.25 \
    --pid "$bot_pid" --port "$bot_port" --api-port "$api_port" --cafile "$cafile" --tasks "$work/tasks.txt" \
    >"$out/load.json" 2>"$out/load-progress.txt" || fail "the load driver failed: $(tail -5 "$out/load-progress.txt")"
sleep 3
fd_closed=$(fd_count "$bot_pid")
# What the descriptors are once the driver has gone: inbound connections must all be closed; the bot may keep
# pooled outbound client connections (tasks API, response_url) open.
ss -tanp 2>/dev/null | grep "pid=$bot_pid," >"$out/load-sockets-end.txt" || true
inbound=$(awk -v p=":$bot_port" '$4 ~ p"$" && $1 != "LISTEN"' "$out/load-sockets-end.txt" | wc -l)
outbound=$(awk -v p=":$bot_port" '$4 !~ p"$" && $1 != "LISTEN"' "$out/load-sockets-end.txt" | wc -l)
outbound_states=$(awk -v p=":$bot_port" '$4 !~ p"$" && $1 != "LISTEN" {print $1 "->" $5}' "$out/load-sockets-end.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';')
other_end=$(ls -l "/proc/$bot_pid/fd" | grep -vc socket: || true)
fd_targets >"$out/load-files-end.txt"
files_opened=$(comm -13 "$out/load-files-start.txt" "$out/load-files-end.txt" | tr '\n' ' ')
kill -0 "$bot_pid" 2>/dev/null || fail "taskbot died under load"
bot_errors=$(grep -c '"level":"error"' "$work/bot.log" || true)
bot_warnings=$(grep -c '"level":"warning"' "$work/bot.log" || true)
grep -E '"level":"(error|warning)"' "$work/bot.log" | head -50 >"$out/load-bot-warnings.log" || true

verdict=0
"$python" - "$out/load.json" "$seconds" "$fd_start" "$fd_closed" "$rss_start" "$bot_errors" "$bot_warnings" \
    "$load_start" "$(machine_line)" "$inbound" "$outbound" "$other_start" "$other_end" "$outbound_states" "$files_opened" >"$out/load.md" <<'PY' || verdict=$?
import json, sys, datetime
r = json.load(open(sys.argv[1]))
seconds, fd_start, fd_closed, rss_start = float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
bot_errors, bot_warnings, load_start, machine = sys.argv[6], sys.argv[7], sys.argv[8], sys.argv[9]
inbound, outbound, other_start, other_end = (int(x) for x in sys.argv[10:14])
outbound_states, files_opened = sys.argv[14], sys.argv[15].strip()
samples = r["samples"]
# Minute 1 against the last sample (minute 5 in a full run); for short runs the sample at a fifth of the run.
mark = 60 if seconds >= 120 else max(10, seconds / 3)
first = min(samples, key=lambda s: abs(s["t"] - mark))
last = [s for s in samples if s["t"] <= seconds + 5][-1]
growth = (last["rss_kb"] - first["rss_kb"]) / first["rss_kb"] * 100
c = r["counts"]
confirms, cancels = c.get("confirm_clicks", 0), c.get("cancel_clicks", 0)
non200 = {k: v for k, v in r["statuses"].items() if k != "200"}
checks = [
    ("every HTTP answer 200", not non200 and not c.get("errors"), f"{r['statuses']}, driver errors {c.get('errors', 0)}"),
    ("every confirmed change applied exactly once", r["patches"] == confirms and r["tasks_in_wrong_state"] == 0,
     f"{r['patches']:,} PATCHes for {confirms:,} confirmed clicks; {c.get('results_ok', 0):,} results checked; "
     f"tasks in the wrong state: {r['tasks_in_wrong_state']}"),
    ("one reply per click", r["replies"] == confirms + cancels, f"{r['replies']:,} replies for {confirms + cancels:,} clicks"),
    ("memory growth under 10 %", growth < 10,
     f"RSS {first['rss_kb'] / 1024:.1f} MiB at {first['t']} s → {last['rss_kb'] / 1024:.1f} MiB at {last['t']} s: {growth:+.1f} %"),
    # Files, pipes and event descriptors are compared with the warm-up mark, not the idle start: a client
    # session opened on first use is not a leak; one that keeps growing is. libdispatch opens one timerfd per
    # clock kind (at most 3) the first time a timer of that kind is armed, whenever that is.
    ("no descriptor leak", inbound == 0
     and other_end - min(files_opened.split().count("anon_inode:[timerfd]"), 3)
     <= max(other_start, first.get("files", other_start))
     and fd_closed <= fd_start + outbound + (other_end - other_start) and outbound <= 16,
     f"{fd_start} at start, {last['fds']} at {last['t']} s under load, {r['after_close']['fds']} 2 s after the driver "
     f"closed its connections, {fd_closed} once it exited: {inbound} inbound connections left, {outbound} outbound "
     f"client sockets ({outbound_states.strip()}), non-socket descriptors {other_start} at start, "
     f"{first.get('files', '?')} at {first['t']} s, {other_end} at the end"
     + (f" (opened after the start: {files_opened})" if files_opened else "")),
]
print("## Load and endurance")
print()
print(f"Run {datetime.datetime.utcnow():%Y-%m-%dT%H:%MZ} by `bench/load.sh {int(seconds)}`. {machine.split(' Load')[0]} "
      f"Load average at start: {load_start}.")
print(f"64 threads of bench/slack/driver.py (one keep-alive TLS connection each, Slack-signed) for {r['seconds']} s "
      "against taskbot serve and `taskbot tasks-api` (512 tasks, 8 per thread): pause/resume previews, then Confirm "
      "(50 %), Cancel (25 %) or nothing (25 %, previews expire after 1 minute). The driver shares the 2 cores.")
print()
print(f"{c.get('commands', 0):,} commands, {confirms:,} confirms, {cancels:,} cancels, {c.get('left_to_expire', 0):,} "
      f"previews left to expire; {r['requests_per_s']} requests/s; bot log: {bot_errors} errors, {bot_warnings} warnings "
      f"(first ones in bench/out/load-bot-warnings.log). Start RSS {rss_start / 1024:.1f} MiB.")
print()
print("| check | result | figures |")
print("| --- | --- | --- |")
ok = True
for name, passed, figures in checks:
    ok &= passed
    print(f"| {name} | {'pass' if passed else '**FAIL**'} | {figures} |")
print()
print("RSS (MiB) / descriptors every 10 s: " + ", ".join(
    f"{s['t']} s {s['rss_kb'] / 1024:.1f}/{s['fds']}" for s in samples) + ".")
sys.exit(0 if ok else 3)
PY
cat "$out/load.md"
replace_section "Load and endurance" "$out/load.md"
[ "$verdict" = 0 ] || fail "a load check failed (see above)"
