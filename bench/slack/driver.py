"""Plays Slack against a running taskbot for the worker, store and load benchmarks.

Every request is a Slack-signed POST over HTTPS (keep-alive, the bot's certificate trusted); replies the bot
posts to `response_url` arrive at a loopback collector started here. Each worker thread owns its own tasks
and handles one task at a time (command, then click, then wait for the result), so the expected state of
every task is known and "applied exactly once" can be checked against the tasks API's PATCH count and the
tasks' final state.

Modes (all print one JSON object on stdout):
  tasks      create tasks in the tasks API and write their ids to a file
  throughput N previews on N tasks, then N Confirm clicks at once; time until N PATCHes and N results
  mix        drive TOTAL commands: previews confirmed, cancelled or left to expire (store size bench)
  load       SECONDS of commands and clicks from WORKERS threads; errors, exactly-once, RSS and fd samples
"""

import argparse
import hashlib
import hmac
import http.client
import http.server
import json
import os
import random
import ssl
import sys
import threading
import time
import urllib.parse

ACCOUNT = "848cd58d-700f-4b38-ab4c-d9f52a1b2c3d"
ARTIST = "1873859c-dd37-4e9a-9bac-80d35a1b2c3d"


class Collector:
    """A loopback HTTP server standing in for Slack's response_url; remembers each reply by path."""

    def __init__(self):
        self.replies = {}
        self.count = 0
        self.condition = threading.Condition()
        collector = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body leave in separate writes; without TCP_NODELAY every reply waits for a delayed ACK.
            disable_nagle_algorithm = True

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")
                collector.record(self.path, body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.request_queue_size = 1024
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def record(self, path, body):
        try:
            text = reply_text(json.loads(body))
        except ValueError:
            text = "<not json>"
        with self.condition:
            self.replies.setdefault(path, []).append(text)
            self.count += 1
            self.condition.notify_all()

    def wait(self, path, timeout):
        deadline = time.monotonic() + timeout
        with self.condition:
            while path not in self.replies:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.condition.wait(left)
            return self.replies[path][0]

    def wait_count(self, count, timeout):
        deadline = time.monotonic() + timeout
        with self.condition:
            while self.count < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.condition.wait(left)
            return self.count


def reply_text(message):
    parts = []
    for block in message.get("blocks", []):
        if isinstance(block.get("text"), dict):
            parts.append(block["text"].get("text", ""))
        for element in block.get("elements", []):
            if isinstance(element.get("text"), str):
                parts.append(element["text"])
    return "\n".join(parts) or message.get("text", "")


def buttons(message):
    found = {}
    for block in message.get("blocks", []):
        for element in block.get("elements", []):
            if "action_id" in element and "value" in element:
                found.setdefault(element["action_id"], element["value"])
    return found


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.statuses = {}
        self.errors = []

    def add(self, name, n=1):
        with self.lock:
            self.counts[name] = self.counts.get(name, 0) + n

    def status(self, code):
        with self.lock:
            self.statuses[str(code)] = self.statuses.get(str(code), 0) + 1

    def error(self, text):
        with self.lock:
            self.counts["errors"] = self.counts.get("errors", 0) + 1
            if len(self.errors) < 20:
                self.errors.append(text)


class SlackClient:
    """One keep-alive HTTPS connection to the bot, signing every request like Slack."""

    def __init__(self, args, stats):
        self.args = args
        self.stats = stats
        self.context = ssl.create_default_context(cafile=args.cafile)
        self.context.check_hostname = False
        self.connection = None

    def post(self, path, body):
        stamp = str(int(time.time()))
        base = f"v0:{stamp}:{body}".encode()
        signature = "v0=" + hmac.new(self.args.secret.encode(), base, hashlib.sha256).hexdigest()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature,
        }
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPSConnection(
                    "127.0.0.1", self.args.port, context=self.context, timeout=30
                )
            try:
                self.connection.request("POST", path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                self.stats.status(response.status)
                if response.status != 200:
                    self.stats.error(f"{path}: HTTP {response.status}: {data[:200]!r}")
                return response.status, data
            except (OSError, http.client.HTTPException) as error:
                self.connection.close()
                self.connection = None
                if attempt == 1:
                    self.stats.error(f"{path}: {type(error).__name__}: {error}")
                    self.stats.status("transport-error")
                    return None, b""
                self.stats.add("reconnects")
        return None, b""

    def command(self, text, user, channel, reply_url):
        body = urllib.parse.urlencode(
            {
                "token": "bench", "team_id": "T0BENCH", "channel_id": channel, "user_id": user,
                "command": "/tasks", "text": text, "response_url": reply_url, "trigger_id": "1.1.bench",
            }
        )
        return self.post("/slack/commands", body)

    def click(self, action, value, user, channel, reply_url):
        payload = {
            "type": "block_actions", "user": {"id": user}, "team": {"id": "T0BENCH"},
            "channel": {"id": channel}, "response_url": reply_url, "trigger_id": "1.1.bench",
            "actions": [{"action_id": action, "value": value, "type": "button"}],
        }
        body = urllib.parse.urlencode({"payload": json.dumps(payload, separators=(",", ":"))})
        return self.post("/slack/interactions", body)


class Player:
    """A worker thread's view: its own tasks, user and channel, and the state each task should be in."""

    def __init__(self, index, tasks, args, stats, collector):
        self.index = index
        self.tasks = list(tasks)
        self.enabled = {task: True for task in self.tasks}
        self.user = f"U{index:07d}"
        self.channel = f"C{index:07d}"
        self.client = SlackClient(args, stats)
        self.stats = stats
        self.collector = collector
        self.sequence = 0
        self.args = args
        self.outstanding = {}

    def path(self, kind):
        self.sequence += 1
        return f"/{kind}/{self.index}/{self.sequence}"

    def preview(self, task):
        """Sends pause or resume (whichever changes the task) and returns the Confirm and Cancel values."""
        verb = "pause" if self.enabled[task] else "resume"
        path = self.path("c")
        status, body = self.client.command(f"{verb} {task}", self.user, self.channel, self.collector.url(path))
        self.stats.add("commands")
        if status != 200:
            return None
        try:
            message = json.loads(body)
        except ValueError:
            self.stats.error(f"command answer is not JSON: {body[:200]!r}")
            return None
        found = buttons(message)
        if "confirm" not in found:
            # Answered late ("working on it"): the preview comes to the command's response_url.
            self.stats.add("late_previews")
            text = self.collector.wait(path, 10)
            self.stats.error(f"no preview in the answer: {reply_text(message)[:120]!r}; late reply: {text!r:.120}")
            return None
        return found

    def confirm(self, task, value):
        """Clicks Confirm; the result is checked by `settle` before the task's next command."""
        path = self.path("k")
        status, _ = self.client.click("confirm", value, self.user, self.channel, self.collector.url(path))
        self.stats.add("confirm_clicks")
        if status != 200:
            return None
        self.enabled[task] = not self.enabled[task]
        self.outstanding[task] = (path, "Paused" if not self.enabled[task] else "Resumed")
        return path

    def settle(self, task):
        """Waits for the result of the task's last Confirm and checks it says what the preview promised."""
        if task not in self.outstanding:
            return
        path, expected = self.outstanding.pop(task)
        text = self.collector.wait(path, self.args.reply_timeout)
        if text is None:
            self.stats.error(f"no result for confirm of {task} within {self.args.reply_timeout} s")
        elif not text.lstrip("*").startswith(expected):
            self.stats.error(f"unexpected result for {task}: {text[:160]!r}")
        else:
            self.stats.add("results_ok")

    def settle_all(self):
        for task in list(self.outstanding):
            self.settle(task)

    def cancel(self, value):
        path = self.path("x")
        self.client.click("cancel", value, self.user, self.channel, self.collector.url(path))
        self.stats.add("cancel_clicks")

    def step(self, task, action):
        self.settle(task)
        found = self.preview(task)
        if found is None:
            return
        if action == "confirm":
            self.confirm(task, found["confirm"])
        elif action == "cancel":
            self.cancel(found.get("cancel", found["confirm"]))
        else:
            self.stats.add("left_to_expire")


def api_request(args, method, path, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", args.api_port, timeout=30)
    headers = {"x-api-key": args.api_key, "Content-Type": "application/json"}
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{method} {path}: HTTP {response.status}: {data[:200]!r}")
    return json.loads(data)


def patch_count(args):
    return api_request(args, "GET", "/_admin/stats")["requests"].get("PATCH /api/tasks", 0)


def make_tasks(args):
    ids = []
    for index in range(args.count):
        answer = api_request(
            args, "POST", "/api/tasks",
            {"title": f"Bench task {index}", "prompt": "Benchmark task.", "schedule": f"{index % 60} 9 * * 1-5",
             "account_id": ACCOUNT, "artist_account_id": ARTIST},
        )
        ids.append(answer["tasks"][0]["id"])
    with open(args.file, "w") as out:
        out.write("\n".join(ids) + "\n")
    return {"created": len(ids)}


def load_tasks(args):
    with open(args.tasks) as source:
        return [line.strip() for line in source if line.strip()]


def players(args, stats, collector, count):
    tasks = load_tasks(args)
    return [Player(i, tasks[i::count], args, stats, collector) for i in range(count)]


def run_threads(target, items):
    threads = [threading.Thread(target=target, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def throughput(args):
    """N previews on N distinct tasks, then all N Confirm clicks at once from WORKERS threads."""
    stats, collector = Stats(), Collector()
    group = players(args, stats, collector, args.workers)
    rounds = []
    for round_name in ("pause", "resume"):
        pending = {}

        def make_previews(player):
            pending[player.index] = [(t, player.preview(t)) for t in player.tasks[: args.n // args.workers]]

        run_threads(make_previews, group)
        expected = sum(1 for items in pending.values() for _, found in items if found)
        base_patches, base_replies = patch_count(args), collector.count
        started = time.monotonic()

        def click_all(player):
            for task, found in pending[player.index]:
                if found:
                    player.confirm(task, found["confirm"])

        run_threads(click_all, group)
        clicked = time.monotonic() - started
        deadline = started + 120
        while patch_count(args) - base_patches < expected and time.monotonic() < deadline:
            time.sleep(0.01)
        patched_at = time.monotonic() - started
        replies = collector.wait_count(base_replies + expected, max(0, deadline - time.monotonic())) - base_replies
        finished = time.monotonic() - started
        patches = patch_count(args) - base_patches
        rounds.append({
            "round": round_name, "changes": expected, "patches": patches, "results": replies,
            "clicks_sent_s": round(clicked, 3), "all_patched_s": round(patched_at, 3),
            "all_results_s": round(finished, 3), "changes_per_s": round(expected / finished, 1),
        })
    return {"rounds": rounds, "counts": stats.counts, "statuses": stats.statuses, "errors": stats.errors}


def mix(args):
    """TOTAL previews from WORKERS threads: a share confirmed, a share cancelled, the rest left to expire."""
    stats, collector = Stats(), Collector()
    group = players(args, stats, collector, args.workers)
    per_player = args.total // args.workers
    base_patches = patch_count(args)
    started = time.monotonic()

    def drive(player):
        rng = random.Random(player.index)
        for step in range(per_player):
            roll = rng.random()
            action = "confirm" if roll < args.confirm else "cancel" if roll < args.confirm + args.cancel else "leave"
            player.step(player.tasks[step % len(player.tasks)], action)
        player.settle_all()

    run_threads(drive, group)
    elapsed = time.monotonic() - started
    clicks = stats.counts.get("confirm_clicks", 0) + stats.counts.get("cancel_clicks", 0)
    replies = collector.wait_count(clicks, 60)
    return {
        "seconds": round(elapsed, 1), "commands_per_s": round(stats.counts.get("commands", 0) / elapsed, 1),
        "patches": patch_count(args) - base_patches, "replies": replies, "counts": stats.counts,
        "statuses": stats.statuses, "errors": stats.errors,
    }


def process_sample(pid):
    rss = hwm = 0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    fds = os.listdir(f"/proc/{pid}/fd")
    files = 0
    for fd in fds:
        try:
            files += not os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:")
        except OSError:
            pass
    return {"rss_kb": rss, "hwm_kb": hwm, "fds": len(fds), "files": files}


def load(args):
    """SECONDS of signed commands and clicks from WORKERS threads; RSS and fds sampled every 10 s."""
    stats, collector = Stats(), Collector()
    group = players(args, stats, collector, args.workers)
    samples = [dict(t=0, **process_sample(args.pid))]
    base_patches = patch_count(args)
    started = time.monotonic()
    stop = threading.Event()

    def sample():
        while not stop.wait(10 - ((time.monotonic() - started) % 10)):
            samples.append(dict(t=round(time.monotonic() - started), **process_sample(args.pid)))
            print(f"load: {samples[-1]} {stats.counts}", file=sys.stderr, flush=True)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()

    def drive(player):
        rng = random.Random(player.index)
        step = 0
        while time.monotonic() - started < args.seconds:
            roll = rng.random()
            action = "confirm" if roll < args.confirm else "cancel" if roll < args.confirm + args.cancel else "leave"
            player.step(player.tasks[step % len(player.tasks)], action)
            step += 1
        player.settle_all()
        if player.client.connection is not None:
            player.client.connection.close()

    run_threads(drive, group)
    elapsed = time.monotonic() - started
    stop.set()
    clicks = stats.counts.get("confirm_clicks", 0) + stats.counts.get("cancel_clicks", 0)
    replies = collector.wait_count(clicks, 60)
    patches = patch_count(args) - base_patches
    # Every task must be in the state its player expects: each confirmed change applied exactly once.
    expected = {task: p.enabled[task] for p in group for task in p.tasks}
    wrong = []
    for task, enabled in expected.items():
        record = api_request(args, "GET", f"/api/tasks?id={task}")["tasks"][0]
        if record.get("enabled", True) != enabled:
            wrong.append(task)
    time.sleep(2)
    after_close = process_sample(args.pid)
    return {
        "seconds": round(elapsed, 1), "workers": args.workers, "samples": samples, "after_close": after_close,
        "requests_per_s": round(sum(v for k, v in stats.statuses.items()) / elapsed, 1),
        "patches": patches, "replies": replies, "clicks": clicks, "tasks_in_wrong_state": len(wrong),
        "counts": stats.counts, "statuses": stats.statuses, "errors": stats.errors,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["tasks", "throughput", "mix", "load"])
    parser.add_argument("--port", type=int)
    parser.add_argument("--api-port", type=int, required=True)
    parser.add_argument("--api-key", default=os.environ.get("TASKS_API_KEY", ""))
    parser.add_argument("--secret", default=os.environ.get("SLACK_SIGNING_SECRET", ""))
    parser.add_argument("--cafile")
    parser.add_argument("--tasks", help="file with one task id per line")
    parser.add_argument("--file", help="tasks: where to write the ids")
    parser.add_argument("--count", type=int, default=256)
    parser.add_argument("--workers", type=int, default=32)
    parser.add_argument("--n", type=int, default=512)
    parser.add_argument("--total", type=int, default=100000)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--confirm", type=float, default=0.4)
    parser.add_argument("--cancel", type=float, default=0.3)
    parser.add_argument("--pid", type=int)
    parser.add_argument("--reply-timeout", type=float, default=30)
    args = parser.parse_args()
    mode = {"tasks": make_tasks, "throughput": throughput, "mix": mix, "load": load}[args.mode]
    print(json.dumps(mode(args)))


if __name__ == "__main__":
    main()
