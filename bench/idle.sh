#!/usr/bin/env bash
# Idle connections (issue 7): 2,000 TLS connections opened (handshake done) and held idle, while wrk sends
# Slack-signed `/tasks help` commands on 4 keep-alive connections. Normal requests must stay under 10 ms p99.
# wrk runs once without the idle connections (baseline) and once with them; the holder then checks how many
# idle connections the bot kept open (its idle timeout is 60 s, longer than this phase).
# Usage: bench/idle.sh [IDLE_CONNECTIONS] (default 2000; BENCH_SECONDS per wrk run, default 15).
# Writes the section "Idle connections".
source "$(dirname "$0")/common.sh"
idle=${1:-2000}
seconds=${BENCH_SECONDS:-15}
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((idle + 200)) ] || fail "ulimit -n $(ulimit -n) is too low for $idle connections"
install_needs
build_release
start_tasks_api
start_bot "$work/bot"
cafile="$bot_state/tls/self-signed-cert.pem"
url="https://127.0.0.1:$bot_port/slack/commands"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
wrk_help() { # file
    eval "$("$python" bench/slack/sign.py help)"
    wrk -t1 -c4 -d"${seconds}s" --latency -s bench/slack/signed_command.lua "$url" >"$1" 2>&1 || fail "wrk failed: $(cat "$1")"
    if grep -q "Non-2xx or 3xx responses" "$1" || ! grep -q "non-200 responses: 0" "$1"; then fail "non-2xx answers in $1"; fi
}
p99() { awk '$1 == "99%" {print $2}' "$1"; }
wrk_help "$out/idle-baseline.txt"

mkfifo "$work/hold-in"
"$python" bench/slack/hold.py "$bot_port" "$cafile" "$idle" <"$work/hold-in" >"$out/idle-hold.txt" &
hold_pid=$!
pids+=("$hold_pid")
exec 3>"$work/hold-in"
for _ in $(seq 600); do grep -q ready "$out/idle-hold.txt" && break; sleep 0.1; done
grep -q ready "$out/idle-hold.txt" || fail "the holder did not open its connections in 60 s"
fds_held=$(fd_count "$bot_pid")
rss_held=$(rss_kb "$bot_pid")
wrk_help "$out/idle-loaded.txt"
fds_after=$(fd_count "$bot_pid")
exec 3>&-
wait "$hold_pid" || true
held=$(tail -1 "$out/idle-hold.txt")
p99_us=$(awk -v v="$(p99 "$out/idle-loaded.txt")" 'BEGIN { if (v ~ /us$/) x = v + 0; else if (v ~ /ms$/) x = v * 1000; else x = v * 1e6; printf "%.0f", x }')
verdict=met
[ "$p99_us" -lt 10000 ] || verdict="**missed**"
{
    echo "## Idle connections"
    echo
    echo "Run $(date -u +%Y-%m-%dT%H:%MZ) by \`bench/idle.sh $idle\` (BENCH_SECONDS=$seconds). $(machine_line | sed 's/ Load average.*//') Load average at start: $load_start."
    echo "$idle TLS connections opened by bench/slack/hold.py ($(head -1 "$out/idle-hold.txt")), handshake done, then idle;"
    echo "meanwhile wrk sends Slack-signed \`/tasks help\` on 4 keep-alive connections. Same bot, same run, without them first."
    echo
    echo "| | p50 | p99 | req/s |"
    echo "| --- | ---: | ---: | ---: |"
    for f in baseline loaded; do
        echo "| ${f/loaded/with $idle idle connections} | $(awk '$1 == "50%" {print $2}' "$out/idle-$f.txt") | $(p99 "$out/idle-$f.txt") | $(awk '/Requests\/sec/ {printf "%.0f", $2}' "$out/idle-$f.txt") |"
    done
    echo
    echo "p99 with $idle idle connections: **$(p99 "$out/idle-loaded.txt")** (goal < 10 ms: $verdict). Bot descriptors while holding: $fds_held"
    echo "(after the wrk run: $fds_after), RSS while holding: $(awk -v k="$rss_held" 'BEGIN {printf "%.1f", k / 1024}') MiB. Holder at the end: \`$held\`."
} >"$out/idle.md"
cat "$out/idle.md"
replace_section "Idle connections" "$out/idle.md"
