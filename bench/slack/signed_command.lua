-- wrk script: POST one Slack-signed slash command. The body and its signature are made by
-- bench/slack/sign.py and passed in the environment, so every request is verified for real.
-- No response() callback: wrk would hand every answer's headers and body to Lua, which costs CPU on
-- the cores the servers share with wrk. wrk itself counts every status above 399 in errors.status.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = os.getenv("BENCH_TIMESTAMP")
wrk.headers["X-Slack-Signature"] = os.getenv("BENCH_SIGNATURE")

function done(summary, latency, requests)
  io.stderr:write(string.format("non-200 responses: %d\n", summary.errors.status))
end
