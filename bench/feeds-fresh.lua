-- wrk script for BENCHMARKS.md "Feeds": every request a new address, so each one misses the
-- feed cache and is a fresh render of the month's feed.
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "/papers/month/2026-07.atom?n=" .. counter .. "-" .. math.random(1000000000))
end
