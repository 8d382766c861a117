-- wrk script for the beacon: POST, and every request a different reader
-- (browser signature), so every hit is a new visitor, visit and view: the
-- heaviest case for the counters.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local headers = {}
  headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0 bench/" .. id .. "-" .. counter
  headers["Content-Length"] = "0"
  headers["Accept"] = "application/json"
  return wrk.format("POST", nil, headers, "")
end
