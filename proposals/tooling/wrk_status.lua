-- wrk script of `manage.py loadtest --pages`: counts every answer by status, and in "cold" mode adds
-- _cold=<run>-<thread>-<n> to each request so that no full URL repeats (every request misses a page cache).
-- Arguments (after wrk's "--"): the mode ("cold" or "warm") and a run id, unique per run.
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  sequence = 0
  cold = args[1] == "cold"
  run = args[2] or "0"
  -- An existing query is kept: the marker is appended to it.
  separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  warm_request = wrk.format(nil, wrk.path)
end

function request()
  if not cold then
    return warm_request
  end
  sequence = sequence + 1
  return wrk.format(nil, wrk.path .. separator .. "_cold=" .. run .. "-" .. id .. "-" .. sequence)
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local keys = {}
  for status in pairs(totals) do
    table.insert(keys, status)
  end
  table.sort(keys)
  local parts = {}
  for _, status in ipairs(keys) do
    table.insert(parts, status .. "=" .. totals[status])
  end
  io.write("Status codes: " .. table.concat(parts, " ") .. "\n")
end
