-- wrk script: every request the address given to wrk plus a new query parameter, so that each
-- one misses the page cache (the cost of computing the page, as for a visitor the shared cache
-- cannot serve).
counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "n=" .. counter .. "-" .. math.random(1000000000))
end
