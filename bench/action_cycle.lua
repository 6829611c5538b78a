-- action_cycle.lua — wrk script for `make bench`: the action page, which the
-- page cache cannot serve, cycling over the plan's 300 actions; every
-- CYCLE_WRITE_EVERY-th request (default 10) posts a progress update (a note,
-- under the session's CSRF token) to the action whose page this thread read
-- last, made against the version that page showed — so the reads that follow
-- see a database that has just changed, and no update is refused as stale
-- unless another thread wrote the same action in between.
-- Environment: CYCLE_COOKIE, CYCLE_CSRF, CYCLE_FIRST (the first action's id).
local cookie = os.getenv("CYCLE_COOKIE")
local csrf = os.getenv("CYCLE_CSRF")
local first = tonumber(os.getenv("CYCLE_FIRST") or "1")
local every = tonumber(os.getenv("CYCLE_WRITE_EVERY") or "10")
local n = 0
local threads = 0
local seen_id, seen_version = nil, nil
local form = { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }
local get = { ["Cookie"] = cookie }

-- Each thread starts at another place in the cycle.
setup = function(thread)
  threads = threads + 1
  thread:set("start_at", threads * 150)
end

init = function()
  n = start_at or 0
end

request = function()
  n = n + 1
  if every > 0 and n % every == 0 and seen_id then
    local body = "csrf=" .. csrf .. "&version=" .. seen_version .. "&note=bench+update+" .. n
    local path = "/actions/" .. seen_id .. "/update"
    seen_id = nil
    return wrk.format("POST", path, form, body)
  end
  return wrk.format("GET", "/actions/" .. (first + n % 300), get)
end

-- Remembers the action and version of the update form a page carried.
response = function(status, headers, body)
  if status ~= 200 then
    return
  end
  local id = string.match(body, 'action="/actions/(%d+)/update"')
  local version = id and string.match(body, 'name="version" value="(%d+)"')
  if version then
    seen_id, seen_version = id, version
  end
end
