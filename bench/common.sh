#!/usr/bin/env bash
# Shared by the bot benchmarks (ack.sh, worker.sh, load.sh, idle.sh); sourced, not run. The helpers follow
# bench/listener.sh: same certificate recipe, CPU ticks from /proc/PID/stat, sections replaced in RESULTS.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/opt/swift/usr/bin:$PATH"
out=bench/out
mkdir -p "$out"
venv=.build/benchenv
python="$venv/bin/python"
bin=.build/release/taskbot
work=$(mktemp -d /tmp/taskbot-bench.XXXXXX)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "BENCH FAILED: $*" >&2; exit 1; }

# Debian packages and the Python environment the benches need; skipped when present.
install_needs() {
    local need=()
    command -v nginx >/dev/null || need+=(nginx-light)
    command -v wrk >/dev/null || need+=(wrk)
    if [ ${#need[@]} -gt 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
    [ -x "$python" ] || python3 -m venv "$venv"
    "$python" -c 'import slack_bolt, flask, gunicorn, slack_sdk, recurrent, dateparser' 2>/dev/null ||
        "$venv/bin/pip" install -q slack_bolt flask gunicorn slack_sdk recurrent==0.4.1 dateparser==1.5.0
}

build_release() { swift build -c release --product taskbot >&2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A P-256 certificate for 127.0.0.1, the recipe of bench/listener.sh.
make_cert() {
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 7 -subj /CN=localhost \
        -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
}

# nginx `return 200 "ok"` on 127.0.0.1:PORT over TLS 1.3 with the certificate of make_cert, two workers,
# access log off; an optional command prefix (taskset -c 0) runs before it. Sets nginx_pid.
start_nginx() { # port [prefix...]
    local port=$1
    shift
    mkdir -p "$work/nginx"
    cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 10000000;
    ssl_session_cache shared:SSL:10m;
    server {
        listen 127.0.0.1:$port ssl;
        ssl_certificate $work/cert.pem;
        ssl_certificate_key $work/key.pem;
        ssl_protocols TLSv1.3;
        location / { return 200 "ok"; }
    }
}
CONF
    "$@" nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off; user root;' &
    nginx_pid=$!
    pids+=("$nginx_pid")
}

wait_https() { # port [path]
    local _
    for _ in $(seq 100); do
        curl -sk -o /dev/null "https://127.0.0.1:$1/${2:-healthz}" 2>/dev/null && return 0
        sleep 0.1
    done
    fail "nothing answers on https://127.0.0.1:$1"
}

wait_http() { # port path
    local _
    for _ in $(seq 100); do
        curl -s -o /dev/null "http://127.0.0.1:$1/$2" 2>/dev/null && return 0
        sleep 0.1
    done
    fail "nothing answers on http://127.0.0.1:$1"
}

# A process and its children (nginx or gunicorn workers).
family() { echo "$1" $(pgrep -P "$1" || true); }

# CPU ticks (utime + stime, all threads) of a process and its children.
ticks() {
    local total=0 pid
    for pid in $(family "$1"); do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    done
    echo "$total"
}
hz=$(getconf CLK_TCK)

# Peak resident memory (VmHWM, kB) of a process and its children, summed.
peak_kb() {
    local total=0 pid
    for pid in $(family "$1"); do
        total=$((total + $(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")))
    done
    echo "$total"
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
fd_count() { ls "/proc/$1/fd" | wc -l; }

# The local tasks API alone (plain HTTP on loopback) with the demo tasks; sets api_port, api_pid.
start_tasks_api() {
    export TASKS_API_KEY="bench-api-key-$RANDOM$RANDOM"
    api_port=$(free_port)
    mkdir -p "$work/api"
    "$bin" tasks-api --listen "127.0.0.1:$api_port" --state "$work/api" --seed --log-level warning 2>"$work/api.log" &
    api_pid=$!
    pids+=("$api_pid")
    wait_http "$api_port" healthz
}

# taskbot serve against the local tasks API, replies allowed to a loopback response_url; sets bot_port, bot_pid.
# Extra environment (e.g. TASKBOT_PREVIEW_MINUTES) is passed through from the caller. BENCH_BOT_PREFIX runs the
# bot under a command that execs it, e.g. "env MALLOC_ARENA_MAX=2"; a profiler that forks instead (heaptrack -o F)
# works too, but then bot_pid is the profiler's and the RSS and descriptor samples are not the bot's.
start_bot() { # state-dir
    export SLACK_SIGNING_SECRET="${SLACK_SIGNING_SECRET:-bench-secret-$RANDOM$RANDOM$RANDOM}"
    bot_port=$(free_port)
    bot_state=$1
    mkdir -p "$bot_state"
    TASKS_API_URL="http://127.0.0.1:$api_port" SLACK_RESPONSE_URL_HOSTS=127.0.0.1 TASKBOT_SLACK_TEAMS=T0BENCH \
        ${BENCH_BOT_PREFIX:-} "$bin" serve --listen "127.0.0.1:$bot_port" --state "$bot_state" --log-level "${BENCH_LOG_LEVEL:-info}" \
        >/dev/null 2>"$work/bot.log" &
    bot_pid=$!
    pids+=("$bot_pid")
    wait_https "$bot_port"
}

machine_line() {
    local cpu_model
    cpu_model=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
    echo "Machine: $(nproc) cores, $cpu_model, Linux $(uname -r). Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
}

# Replaces (or appends) the section `## NAME` of bench/RESULTS.md with the contents of FILE.
replace_section() { # name file
    local results=bench/RESULTS.md
    [ -f "$results" ] || printf '# Benchmark results\n\n' >"$results"
    python3 - "$results" "$1" "$2" <<'PY'
import re, sys
path, name, section = sys.argv[1], sys.argv[2], open(sys.argv[3]).read().rstrip() + "\n"
text = open(path).read()
pattern = re.compile(r"^## " + re.escape(name) + r"\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text)
PY
}
