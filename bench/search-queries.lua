-- wrk script for BENCHMARKS.md "HTTP search": each request searches one of the queries in the
-- file $QUERIES (one URL-encoded query a line, made by bench/search-http.sh from the sample's
-- titles), picked at random, in the mode $MODE (keyword, hybrid, semantic).
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do
  queries[#queries + 1] = line
end
local mode = os.getenv("MODE") or "keyword"
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
request = function()
  return wrk.format(nil, "/search?q=" .. queries[math.random(#queries)] .. "&mode=" .. mode)
end
