-- wrk script for BENCHMARKS.md "HTTP search": each request searches one of the queries in the
-- file $QUERIES (one URL-encoded query a line, made by bench/search-http.sh from the sample's
-- titles), picked at random, in the mode $MODE (keyword, hybrid, semantic). With FRESH=1 each
-- request joins two random lines (a million pairs), so searches are seldom asked twice.
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do
  queries[#queries + 1] = line
end
local mode = os.getenv("MODE") or "keyword"
local fresh = os.getenv("FRESH") == "1"
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
request = function()
  local q = queries[math.random(#queries)]
  if fresh then
    q = q .. "%20" .. queries[math.random(#queries)]
  end
  return wrk.format(nil, "/search?q=" .. q .. "&mode=" .. mode)
end
