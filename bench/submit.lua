-- wrk script: POST each prepared quiz submission once, and print the figures as one JSON line.
--
--   wrk -t2 -c4 -d10s -s bench/submit.lua http://127.0.0.1:PORT -- FILE THREADS
--
-- FILE has one submission a line, "path<TAB>cookie<TAB>body" (bench/quiz_setup.py writes it).
-- Thread i of THREADS takes every THREADS-th line, so no two threads post the same attempt.
-- A submission is one-time (a replay answers 409): only a 302 to the attempt counts as a success,
-- and a thread that runs out of lines starts over and counts the replays as "reused" (they fail).

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local lines = {}
local index = 0
-- Globals, for thread:get in done(): failures by status ("302" is a redirect elsewhere than the
-- attempt, e.g. to the login page), and requests past the end of the file.
failed = {}
reused = 0

function init(args)
  local count = tonumber(args[2])
  local number = 0
  for line in io.lines(args[1]) do
    number = number + 1
    if (number - 1) % count == id - 1 then
      local path, cookie, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      table.insert(lines, { path = path, cookie = cookie, body = body })
    end
  end
end

function request()
  index = index + 1
  if index > #lines then
    reused = reused + 1
  end
  local entry = lines[(index - 1) % #lines + 1]
  return wrk.format("POST", entry.path, {
    ["Cookie"] = entry.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, entry.body)
end

function response(status, headers, body)
  -- Success is the redirect to the graded attempt, nothing else.
  local location = headers["Location"] or headers["location"] or ""
  if status ~= 302 or not location:find("/quizzes/attempts/", 1, true) then
    local key = tostring(status)
    failed[key] = (failed[key] or 0) + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local by_status, failures, replays = {}, 0, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("failed")) do
      by_status[status] = (by_status[status] or 0) + n
      failures = failures + n
    end
    replays = replays + thread:get("reused")
  end
  local parts = {}
  for status, n in pairs(by_status) do
    table.insert(parts, string.format('"%s": %d', status, n))
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + failures
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, '
      .. '"errors": %d, "failed_by_status": {%s}, "reused": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, table.concat(parts, ", "), replays))
end
