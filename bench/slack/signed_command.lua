-- wrk script: POST one Slack-signed slash command. The body and its signature are made by
-- bench/slack/sign.py and passed in the environment, so every request is verified for real.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = os.getenv("BENCH_TIMESTAMP")
wrk.headers["X-Slack-Signature"] = os.getenv("BENCH_SIGNATURE")

local failures = 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  io.stderr:write(string.format("non-200 responses: %d\n", summary.errors.status))
end
