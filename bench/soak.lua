-- soak.lua — wrk script for `make soak`: nine reads (dashboard, action list,
-- action page) to one write (a board comment, appended under its CSRF token).
local cookie = os.getenv("SOAK_COOKIE")
local csrf = os.getenv("SOAK_CSRF")
local action = os.getenv("SOAK_ACTION")
local n = 0
local reads = { "/plans/1", "/plans/1/actions", "/actions/" .. action }

request = function()
  n = n + 1
  if n % 10 == 0 then
    local body = "csrf=" .. csrf .. "&comment=soak+comment+" .. n
    return wrk.format("POST", "/actions/" .. action .. "/comment",
      { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
  end
  return wrk.format("GET", reads[n % 3 + 1], { ["Cookie"] = cookie })
end
