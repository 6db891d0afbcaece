-- wrk script for bench/serve_load.sh: POST /v1/check with a ~1 KB draft and the pairing
-- token (from the environment). 4xx and 5xx answers are counted by wrk itself
-- (summary.errors.status): a response() callback would have wrk parse every 20 KB body
-- into Lua, and on this 2-core machine the client's cost is taken from the server's.
local token = os.getenv("DISCREET_TOKEN")
local port = os.getenv("DISCREET_PORT")
local draft = os.getenv("DISCREET_DRAFT")
wrk.method = "POST"
wrk.headers["Host"] = "127.0.0.1:" .. port
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = '{"text": ' .. draft .. ', "format": "text"}'

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (socket) %d, 4xx/5xx %d\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
  io.write(string.format("req/s %.0f, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
