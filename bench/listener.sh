#!/usr/bin/env bash
# Listener benchmark: taskbot (release, GET /healthz) against nginx (`return 200 "ok"`) on loopback with
# the same P-256 certificate and TLS 1.3, both driven by wrk in one run:
#   1. keep-alive requests/s at 32 connections
#   2. requests/s with a new full handshake per request (Connection: close, 32 connections)
#   3. latency p50/p99 at 4 keep-alive connections
#   4. server CPU time per request (utime+stime from /proc/PID/stat around run 1)
# The off-loop handler path (GET /_test/hello, TASKBOT_TEST_ROUTES=1) is measured as a third column.
# Bounded: BENCH_ROUNDS (default 3) rounds of 9 wrk runs of BENCH_SECONDS (default 5) each, about 2.5 min;
# each figure is the median over the rounds (CPU per request: total over all rounds). Writes bench/out/listener.md and the
# "## Listener" section of bench/RESULTS.md.
# BENCH_PIN=1 pins both servers to CPU 0 and wrk to CPU 1 (taskset) so that wrk does not steal the
# servers' core; the default lets the scheduler share both cores.
source "$(dirname "$0")/common.sh"
seconds=${BENCH_SECONDS:-5}
rounds=${BENCH_ROUNDS:-3}
pin=${BENCH_PIN:-0}
install_needs
build_release
make_cert
taskbot_port=$(free_port)
nginx_port=$(free_port)
server_cpu=""
wrk_cpu=""
if [ "$pin" = 1 ]; then server_cpu="taskset -c 0"; wrk_cpu="taskset -c 1"; fi

TASKBOT_TEST_ROUTES=1 $server_cpu "$bin" serve --listen "127.0.0.1:$taskbot_port" --state "$work/taskbot" --tls-cert "$work/cert.pem" \
    --tls-key "$work/key.pem" --log-level "${BENCH_LOG_LEVEL:-info}" 2>/dev/null &
taskbot_pid=$!
pids+=("$taskbot_pid")

start_nginx "$nginx_port" $server_cpu

for port in "$taskbot_port" "$nginx_port"; do
    for _ in $(seq 50); do curl -sk "https://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
done


load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A result
raw="$out/raw.txt"
: >"$raw"
# One round of the three wrk runs against one server; appends "name metric value" lines to $raw.
run() { # name server-port pid [path]
    local name=$1 port=$2 pid=$3 path=${4:-healthz} file before after requests
    file="$out/wrk-$name"
    before=$(ticks "$pid")
    $wrk_cpu wrk -t2 -c32 -d"${seconds}s" "https://127.0.0.1:$port/$path" >"$file-keepalive.txt"
    after=$(ticks "$pid")
    requests=$(awk '/requests in/ {print $1}' "$file-keepalive.txt")
    echo "$name ka $(awk '/Requests\/sec/ {print $2}' "$file-keepalive.txt")" >>"$raw"
    echo "$name ticks $((after - before)) $requests" >>"$raw"
    $wrk_cpu wrk -t2 -c32 -d"${seconds}s" -H "Connection: close" "https://127.0.0.1:$port/$path" >"$file-close.txt"
    echo "$name hs $(awk '/Requests\/sec/ {print $2}' "$file-close.txt")" >>"$raw"
    $wrk_cpu wrk -t1 -c4 -d"${seconds}s" --latency "https://127.0.0.1:$port/$path" >"$file-latency.txt"
    echo "$name p50 $(awk '$1 == "50%" {print $2}' "$file-latency.txt" | to_us)" >>"$raw"
    echo "$name p99 $(awk '$1 == "99%" {print $2}' "$file-latency.txt" | to_us)" >>"$raw"
    echo "$name rps4 $(awk '/Requests\/sec/ {print $2}' "$file-latency.txt")" >>"$raw"
}
# wrk prints 83.00us / 1.20ms / 1.00s; convert to microseconds.
to_us() { awk '{v = $1 + 0; if ($1 ~ /ms$/) v *= 1000; else if ($1 ~ /[0-9]s$/) v *= 1000000; printf "%.0f\n", v}'; }
# Rounds alternate between the servers so that a noisy neighbour on the shared machine hits all of them.
for round in $(seq "$rounds"); do
    echo "bench: round $round of $rounds" >&2
    run taskbot "$taskbot_port" "$taskbot_pid"
    run nginx "$nginx_port" "$nginx_pid"
    run offloop "$taskbot_port" "$taskbot_pid" _test/hello
done
median() { # name metric
    awk -v n="$1" -v m="$2" '$1 == n && $2 == m {print $3}' "$raw" | sort -g |
        awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
for name in taskbot nginx offloop; do
    for metric in ka hs p50 p99 rps4; do result[$name-$metric]=$(median "$name" "$metric"); done
    result[$name-cpu]=$(awk -v n="$name" -v hz="$hz" '$1 == n && $2 == "ticks" {t += $3; r += $4}
        END {printf "%.1f", t / hz * 1e6 / r}' "$raw")
done

ratio=$(awk -v a="${result[taskbot-ka]}" -v b="${result[nginx-ka]}" 'BEGIN {printf "%.2f", a / b}')
cpu_model=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
{
    echo "## Listener"
    echo
    echo "Run $(date -u +%Y-%m-%dT%H:%MZ) by \`bench/listener.sh\` (medians of $rounds rounds of ${seconds}s runs, BENCH_PIN=$pin," \
        "taskbot log level ${BENCH_LOG_LEVEL:-info} to /dev/null, nginx access_log off)."
    wrk_version=$( (wrk -v 2>&1 || true) | awk 'NR == 1 {print $2}')
    swift_version=$(swift --version 2>&1 | head -1 | sed 's/ (.*//')
    echo "Machine: $(nproc) cores, $cpu_model, Linux $(uname -r). $(nginx -v 2>&1 | sed 's/.*: //'), wrk $wrk_version,"
    echo "$(openssl version | cut -d' ' -f1-2), $swift_version. Load average before the run: $load_before."
    echo "Both servers: same P-256 certificate, TLS 1.3, loopback; nginx worker_processes 2; taskbot 2 event loops."
    echo "wrk shares the same 2 cores with the server under test. \`/healthz\` is an inline route (runs on the"
    echo "event loop: the listener alone); the off-loop column is \`GET /_test/hello\`, an ordinary async handler"
    echo "that hops to the handler executor and back, as every bot route does."
    echo
    echo "| | taskbot /healthz (inline) | nginx | taskbot off-loop handler |"
    echo "| --- | ---: | ---: | ---: |"
    row() { echo "| $1 | ${result[taskbot-$2]} | ${result[nginx-$2]} | ${result[offloop-$2]} |"; }
    row "keep-alive req/s, 32 connections" ka
    row "new handshake per request, req/s, 32 connections" hs
    row "latency p50 at 4 connections (µs)" p50
    row "latency p99 at 4 connections (µs)" p99
    row "req/s at 4 connections" rps4
    row "server CPU per keep-alive request (µs)" cpu
    echo
    p99_verdict=$(awk -v v="${result[taskbot-p99]}" 'BEGIN {print (v < 1000) ? "met" : "**missed**"}')
    echo "taskbot / nginx keep-alive throughput: **$ratio** (goal ≥ 0.8); taskbot p99 at 4 connections:"
    echo "**${result[taskbot-p99]} µs** (goal < 1 ms: $p99_verdict). Raw wrk output: bench/out/wrk-*.txt."
} >"$out/listener.md"
cat "$out/listener.md"

replace_section "Listener" "$out/listener.md"
