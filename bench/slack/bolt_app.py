"""Slack Bolt for Python answering /tasks like taskbot's acknowledgement, for the side-by-side benchmark.

Bolt checks the v0 signature itself (signing secret from SLACK_SIGNING_SECRET) and acks with an
ephemeral text, the same work taskbot's `help` answer does. Served by gunicorn (see bench/slack/run.sh).
"""

import os

from slack_bolt import App
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.adapter.flask import SlackRequestHandler
from flask import Flask, request

bolt = App(
    signing_secret=os.environ["SLACK_SIGNING_SECRET"],
    token_verification_enabled=False,
    request_verification_enabled=True,
    # A fixed authorization, so Bolt never calls Slack's Web API during the benchmark.
    authorize=lambda **kwargs: AuthorizeResult(
        enterprise_id=None, team_id=kwargs.get("team_id"), bot_token="xoxb-bench", bot_user_id="UBENCH", bot_id="BBENCH"
    ),
)


@bolt.command("/tasks")
def tasks_command(ack, command):
    ack(response_type="ephemeral", text=f"What I can do: {command.get('text', '')}")


app = Flask(__name__)
handler = SlackRequestHandler(bolt)


@app.route("/slack/commands", methods=["POST"])
def slack_commands():
    return handler.handle(request)
