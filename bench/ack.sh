#!/usr/bin/env bash
# Signed slash-command acknowledgement: `/tasks help` (Slack-signed; no tasks API call) side by side on the
# same P-256 certificate, TLS 1.3 and loopback, driven by wrk with bench/slack/signed_command.lua:
#   taskbot serve            verifies the signature, parses, answers the help message
#   nginx `return 200`        the floor: TLS and HTTP only, no verification
#   Slack Bolt for Python    on gunicorn (2 gthread workers), verifying the signature itself
# Per server: keep-alive req/s at 32 connections, req/s with a new handshake per request (Connection: close),
# p50/p99 at 4 connections, server CPU per keep-alive request (all processes), peak memory (VmHWM, summed).
# The command is signed again before every wrk run (a signature is valid 300 s); any non-2xx fails the bench.
# Usage: bench/ack.sh  (BENCH_SECONDS per wrk run, default 10). Writes the section "Slash-command acknowledgement".
source "$(dirname "$0")/common.sh"
seconds=${BENCH_SECONDS:-10}
[ "$seconds" -le 60 ] || fail "BENCH_SECONDS must stay well inside the 300 s signature window"
install_needs
build_release
make_cert
export SLACK_SIGNING_SECRET="bench-secret-$RANDOM$RANDOM$RANDOM"

taskbot_port=$(free_port)
nginx_port=$(free_port)
bolt_port=$(free_port)
"$bin" serve --listen "127.0.0.1:$taskbot_port" --state "$work/taskbot" --tls-cert "$work/cert.pem" \
    --tls-key "$work/key.pem" --log-level "${BENCH_LOG_LEVEL:-info}" >/dev/null 2>&1 &
taskbot_pid=$!
pids+=("$taskbot_pid")

start_nginx "$nginx_port"

bolt_workers=${BENCH_BOLT_WORKERS:-2}
bolt_class=${BENCH_BOLT_CLASS:-gthread}
bolt_threads=${BENCH_BOLT_THREADS:-4}
"$venv/bin/gunicorn" --chdir bench/slack -w "$bolt_workers" -k "$bolt_class" --threads "$bolt_threads" \
    --keep-alive 75 --certfile "$work/cert.pem" --keyfile "$work/key.pem" -b "127.0.0.1:$bolt_port" \
    --log-level warning bolt_app:app 2>"$work/gunicorn.log" &
bolt_pid=$!
pids+=("$bolt_pid")

wait_https "$taskbot_port"
wait_https "$nginx_port"
for _ in $(seq 100); do curl -sk -o /dev/null "https://127.0.0.1:$bolt_port/" 2>/dev/null && break; sleep 0.1; done

sign() { eval "$("$python" bench/slack/sign.py help)"; }

# One signed request to each real verifier: right answer with a good signature, 401 with a bad one.
check_server() { # name port expected-text
    sign
    local body status
    body=$(curl -sk --tlsv1.3 -X POST "https://127.0.0.1:$2/slack/commands" -H "X-Slack-Request-Timestamp: $BENCH_TIMESTAMP" \
        -H "X-Slack-Signature: $BENCH_SIGNATURE" -H 'Content-Type: application/x-www-form-urlencoded' --data "$BENCH_BODY")
    grep -q "$3" <<<"$body" || fail "$1 did not answer the signed help command: ${body:0:200}"
    status=$(curl -sk -o /dev/null -w '%{http_code}' -X POST "https://127.0.0.1:$2/slack/commands" \
        -H "X-Slack-Request-Timestamp: $BENCH_TIMESTAMP" -H "X-Slack-Signature: v0=${BENCH_SIGNATURE:3:10}0000" \
        -H 'Content-Type: application/x-www-form-urlencoded' --data "$BENCH_BODY")
    [ "$status" = 401 ] || fail "$1 accepted a bad signature (HTTP $status)"
}
check_server taskbot "$taskbot_port" "/tasks pause"
check_server bolt "$bolt_port" "What I can do"
protocol=$(openssl s_client -connect "127.0.0.1:$taskbot_port" </dev/null 2>/dev/null | awk '/^ *Protocol *:/ {print $3; exit} /^New, / {print $2; exit}' | tr -d ,)

declare -A result
# wrk with a fresh signature; fails the bench on any non-2xx answer.
wrk_signed() { # file wrk-args...
    local file=$1
    shift
    sign
    wrk "$@" -s bench/slack/signed_command.lua >"$file" 2>&1 || fail "wrk failed: $(cat "$file")"
    if grep -q "Non-2xx or 3xx responses" "$file" || ! grep -q "non-200 responses: 0" "$file"; then
        fail "non-2xx answers in $file: $(grep -i 'non-' "$file" | tr '\n' ' ')"
    fi
    grep -q "requests in" "$file" || fail "no requests in $file"
}
run() { # name port pid
    local name=$1 port=$2 pid=$3 file="$out/ack-$1" url="https://127.0.0.1:$2/slack/commands"
    local before after requests
    before=$(ticks "$pid")
    wrk_signed "$file-keepalive.txt" -t2 -c32 -d"${seconds}s" "$url"
    after=$(ticks "$pid")
    result[$name-ka]=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$file-keepalive.txt")
    requests=$(awk '/requests in/ {print $1}' "$file-keepalive.txt")
    result[$name-cpu]=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
    wrk_signed "$file-close.txt" -t2 -c32 -d"${seconds}s" -H "Connection: close" "$url"
    result[$name-hs]=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$file-close.txt")
    wrk_signed "$file-latency.txt" -t1 -c4 -d"${seconds}s" --latency "$url"
    result[$name-p50]=$(awk '$1 == "50%" {print $2}' "$file-latency.txt")
    result[$name-p99]=$(awk '$1 == "99%" {print $2}' "$file-latency.txt")
    result[$name-rps4]=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$file-latency.txt")
    result[$name-mem]=$(awk -v k="$(peak_kb "$pid")" 'BEGIN {printf "%.1f", k / 1024}')
    result[$name-procs]=$(family "$pid" | wc -w)
    result[$name-sockerr]=$(cat "$file"-*.txt | awk '/Socket errors/ {n++} END {print n + 0}')
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
run taskbot "$taskbot_port" "$taskbot_pid"
run nginx "$nginx_port" "$nginx_pid"
run bolt "$bolt_port" "$bolt_pid"

# p99 in microseconds, from wrk's "1.23ms" / "456.00us" / "1.2s".
us() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) x = v + 0; else if (v ~ /ms$/) x = v * 1000; else x = v * 1e6; printf "%.0f", x }'; }
ratio_nginx=$(awk -v a="${result[taskbot-ka]}" -v b="${result[nginx-ka]}" 'BEGIN {printf "%.2f", a / b}')
ratio_bolt=$(awk -v a="${result[taskbot-ka]}" -v b="${result[bolt-ka]}" 'BEGIN {printf "%.1f", a / b}')
ratio_bolt_hs=$(awk -v a="${result[taskbot-hs]}" -v b="${result[bolt-hs]}" 'BEGIN {printf "%.1f", a / b}')
p99_us=$(us "${result[taskbot-p99]}")
verdict() { if awk "BEGIN {exit !($1)}"; then echo met; else echo "**missed**"; fi; }
{
    echo "## Slash-command acknowledgement"
    echo
    echo "Run $(date -u +%Y-%m-%dT%H:%MZ) by \`bench/ack.sh\` (BENCH_SECONDS=$seconds per wrk run). $(machine_line | sed 's/Load average at start: .*//')"
    echo "Load average before the run: $load_before. wrk shares the same 2 cores with the server under test."
    echo "Request: \`POST /slack/commands\`, \`/tasks help\` form body signed with \`slack_sdk\` (bench/slack/sign.py),"
    echo "signed again before every wrk run. Same P-256 certificate for all three, TLS 1.3 (taskbot negotiated $protocol)."
    echo "taskbot: release build, 2 event loops, log level ${BENCH_LOG_LEVEL:-info} to /dev/null, verifies the signature and"
    echo "answers the help message. nginx: \`return 200\`, worker_processes 2, no verification. Bolt: slack_bolt on"
    echo "gunicorn, $bolt_workers \`$bolt_class\` workers × $bolt_threads threads, keep-alive 75 s, TLS by gunicorn"
    echo "(--certfile/--keyfile), Bolt's own signature check (fastest of the configs tried: see below)."
    echo "Every wrk run is checked: any non-2xx answer fails the bench; each verifier was also shown a bad signature (401)."
    echo
    echo "| | taskbot | nginx \`return 200\` | Bolt on gunicorn |"
    echo "| --- | ---: | ---: | ---: |"
    row() { echo "| $1 | ${result[taskbot-$2]} | ${result[nginx-$2]} | ${result[bolt-$2]} |"; }
    row "keep-alive req/s, 32 connections" ka
    row "new TLS handshake per request, req/s, 32 connections" hs
    row "latency p50 at 4 connections" p50
    row "latency p99 at 4 connections" p99
    row "req/s at 4 connections" rps4
    row "server CPU per keep-alive request (µs, all processes)" cpu
    row "peak memory (VmHWM summed, MiB)" mem
    row "server processes measured" procs
    echo
    echo "- taskbot / nginx keep-alive: **$ratio_nginx** (goal ≥ 0.5: $(verdict "$ratio_nginx >= 0.5"))"
    echo "- taskbot / Bolt keep-alive: **${ratio_bolt}×** (goal ≥ 10×: $(verdict "$ratio_bolt >= 10")); with a handshake per request: ${ratio_bolt_hs}×"
    echo "- taskbot p99 at 4 connections: **${result[taskbot-p99]}** (goal < 2 ms: $(verdict "$p99_us < 2000"))"
    echo
    echo "Raw wrk output: bench/out/ack-*.txt."
} >"$out/ack.md"
cat "$out/ack.md"
replace_section "Slash-command acknowledgement" "$out/ack.md"
