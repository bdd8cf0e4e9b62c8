-- bench/community-writes.lua: wrk posts one community write per request as a logged-in member.
-- Set by bench/community.sh through the environment: BENCH_COOKIE (the session cookie),
-- BENCH_TOKEN (its CSRF token), BENCH_KIND (upvote: toggles an upvote, answered as JSON; comment:
-- adds a comment, answered 303), BENCH_PAPER (the paper's id).
local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")
local kind = os.getenv("BENCH_KIND")
local paper = os.getenv("BENCH_PAPER")
local n = 0

request = function()
  n = n + 1
  local headers = {
    ["Cookie"] = cookie,
    ["X-CSRF-Token"] = token,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }
  if kind == "upvote" then
    headers["Accept"] = "application/json"
    return wrk.format("POST", "/papers/" .. paper .. "/upvote", headers, "")
  end
  return wrk.format("POST", "/papers/" .. paper .. "/comments", headers, "body=bench+comment+" .. n)
end

local bad = 0
response = function(status, headers, body)
  if status ~= 200 and status ~= 303 then
    bad = bad + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("unexpected statuses: %d\n", bad))
end
