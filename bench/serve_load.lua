-- wrk script for bench/serve_load.sh: POST /v1/check with a ~1 KB draft and the pairing
-- token (from the environment), and count non-200 answers as errors.
local token = os.getenv("DISCREET_TOKEN")
local port = os.getenv("DISCREET_PORT")
local draft = os.getenv("DISCREET_DRAFT")
wrk.method = "POST"
wrk.headers["Host"] = "127.0.0.1:" .. port
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = '{"text": ' .. draft .. ', "format": "text"}'

local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (socket) %d, non-200 %d\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, non200))
  io.write(string.format("req/s %.0f, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
