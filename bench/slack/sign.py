"""Prints shell assignments for a Slack-signed /tasks command, signed with slack_sdk like Slack does."""

import os
import sys
import time
import urllib.parse

from slack_sdk.signature import SignatureVerifier

secret = os.environ["SLACK_SIGNING_SECRET"]
text = sys.argv[1] if len(sys.argv) > 1 else "help"
body = urllib.parse.urlencode(
    {
        "token": "bench",
        "team_id": "T0BENCH",
        "channel_id": "C0BENCH",
        "user_id": "U0BENCH",
        "command": "/tasks",
        "text": text,
        "response_url": "https://hooks.slack.com/commands/T0BENCH/1/bench",
        "trigger_id": "1.1.bench",
    }
)
timestamp = str(int(time.time()))
signature = SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body)
print(f"export BENCH_BODY='{body}'")
print(f"export BENCH_TIMESTAMP='{timestamp}'")
print(f"export BENCH_SIGNATURE='{signature}'")
