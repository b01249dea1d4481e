#!/usr/bin/env bash
# The worker and the store (issue 6), against the local tasks API (`taskbot tasks-api`, its own process, so that
# its PATCH count can be read from GET /_admin/stats):
#   1. Confirmed changes per second: N previews (pause, then resume) on N tasks, then all N Confirm clicks at once
#      from 32 threads; timed from the first click until the API counted N PATCHes and N results reached the
#      loopback response_url collector.
#   2. Store size after STORE_COMMANDS (default 100,000) commands from 64 threads: previews confirmed (40 %),
#      cancelled (30 %) and left to expire (30 %, TASKBOT_PREVIEW_MINUTES=1); sizes before, right after, after
#      the worker's clean-up (every 60 s), and what the 7-day retention would leave (on a copy).
# Usage: bench/worker.sh [STORE_COMMANDS]. Writes the section "Worker and store".
source "$(dirname "$0")/common.sh"
commands=${1:-100000}
install_needs
build_release
start_tasks_api
export TASKBOT_PREVIEW_MINUTES=1
start_bot "$work/bot"
cafile="$bot_state/tls/self-signed-cert.pem"
[ -f "$cafile" ] || fail "no certificate at $cafile"
drive() { "$python" bench/slack/driver.py "$@" --port "$bot_port" --api-port "$api_port" --cafile "$cafile" --tasks "$work/tasks.txt"; }
"$python" bench/slack/driver.py tasks --api-port "$api_port" --count 512 --file "$work/tasks.txt" >/dev/null
store() { "$python" bench/store_report.py "$bot_state" "$@"; }
check_errors() { # json-file
    "$python" - "$1" <<'PY' || fail "errors in $1: $(head -c 2000 "$1")"
import json, sys
r = json.load(open(sys.argv[1]))
bad = {k: v for k, v in r["statuses"].items() if k != "200"}
sys.exit(1 if bad or r["counts"].get("errors") else 0)
PY
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
store fresh >"$out/store-before.json"
drive throughput --n 512 --workers 32 >"$out/worker-throughput.json"
check_errors "$out/worker-throughput.json"
started=$(date +%s)
drive mix --total "$commands" --workers 64 --confirm 0.4 --cancel 0.3 >"$out/store-mix.json"
check_errors "$out/store-mix.json"
mix_done=$(date +%s)
store "after $commands commands" >"$out/store-after.json"
# Every left preview expires one minute after it was made; the worker's clean-up runs once a minute.
sleep 125
store "after clean-up" --retention-copy >"$out/store-cleaned.json"
bot_rss_kb=$(rss_kb "$bot_pid")
grep -q '"level":"error"' "$work/bot.log" && cp "$work/bot.log" "$out/worker-bot-errors.log"
bot_errors=$(grep -c '"level":"error"' "$work/bot.log" || true)

"$python" - "$out" "$commands" "$load_start" "$bot_rss_kb" "$bot_errors" "$(machine_line)" <<'PY' >"$out/worker.md"
import json, sys, datetime
out, commands, load_start, rss, bot_errors, machine = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6]
t = json.load(open(f"{out}/worker-throughput.json"))
mix = json.load(open(f"{out}/store-mix.json"))
stores = [json.load(open(f"{out}/store-{n}.json")) for n in ("before", "after", "cleaned")]
mib = lambda b: f"{b / 1048576:.1f} MiB"
print("## Worker and store")
print()
print(f"Run {datetime.datetime.utcnow():%Y-%m-%dT%H:%MZ} by `bench/worker.sh {commands}`. {machine.split(' Load')[0]} "
      f"Load average at start: {load_start}.")
print("taskbot serve (release) against `taskbot tasks-api` (its own process, 512 extra tasks), replies to a loopback")
print("response_url collector; the driver is bench/slack/driver.py (Python threads, Slack-signed requests over")
print("keep-alive TLS) on the same 2 cores.")
print()
print("### Confirmed changes per second")
print()
print("| round | changes | PATCHes | results delivered | clicks sent in | all PATCHed after | all results after | changes/s |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in t["rounds"]:
    print(f"| {r['round']} | {r['changes']} | {r['patches']} | {r['results']} | {r['clicks_sent_s']} s | "
          f"{r['all_patched_s']} s | {r['all_results_s']} s | **{r['changes_per_s']}** |")
print()
print("Each change is a GET of the task, a PATCH and a result reply posted to the response_url, all recorded in the store.")
print()
print(f"### Store size after {commands:,} commands")
print()
c = mix["counts"]
print(f"{c.get('commands', 0):,} commands in {mix['seconds']} s ({mix['commands_per_s']}/s) from 64 threads: "
      f"{c.get('confirm_clicks', 0):,} confirmed, {c.get('cancel_clicks', 0):,} cancelled, "
      f"{c.get('left_to_expire', 0):,} left to expire (TASKBOT_PREVIEW_MINUTES=1); {mix['patches']:,} PATCHes; "
      f"{mix['replies']:,} replies received for {c.get('confirm_clicks', 0) + c.get('cancel_clicks', 0):,} clicks; "
      f"HTTP answers: {mix['statuses']}. Errors logged by the bot: {bot_errors}.")
print()
print("| moment | taskbot.sqlite | -wal | pages (free) | pending changes by state | audit rows | replies rows | context rows |")
print("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
for s in stores:
    print(f"| {s['label']} | {mib(s['sqlite_bytes'])} | {mib(s['wal_bytes'])} | {s['pages']} ({s['free_pages']}) | "
          f"{s['pending_by_state']} | {s['rows'].get('audit', 0):,} | {s['rows'].get('replies', 0):,} | {s['rows'].get('context', 0):,} |")
ret = stores[2]["after_retention"]
print()
print(f"After the 7-day retention (simulated on a copy with the clean-up's own statements): rows {ret['rows']}; "
      f"file {mib(ret['bytes_without_vacuum'])} without VACUUM, {mib(ret['bytes_after_vacuum'])} after VACUUM. "
      f"Bot RSS at the end: {rss / 1024:.1f} MiB.")
PY
cat "$out/worker.md"
replace_section "Worker and store" "$out/worker.md"
