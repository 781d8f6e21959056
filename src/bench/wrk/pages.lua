-- wrk script: GET one page as logged-in users, each request with the next session of a file (one SESSION cookie a
-- line), counting as served only a 200 whose body contains a given text (a login page or an error is not a page).
-- wrk -s pages.lua <base url> -- <sessions file> <path> [text the page must contain]
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    sessions = {}
    for line in io.lines(args[1]) do
        sessions[#sessions + 1] = line
    end
    path = args[2]
    must = args[3]
    ok, bad = 0, 0
    next_session = math.random(#sessions)
end

function request()
    next_session = next_session % #sessions + 1
    return wrk.format("GET", path, { ["Cookie"] = "SESSION=" .. sessions[next_session],
        ["Accept"] = "text/html,application/xhtml+xml" })
end

function response(status, headers, body)
    if status == 200 and (must == nil or must == "" or string.find(body, must, 1, true)) then
        ok = ok + 1
    else
        bad = bad + 1
    end
end

function done(summary, latency, requests)
    local ok, bad = 0, 0
    for _, thread in ipairs(threads) do
        ok = ok + thread:get("ok")
        bad = bad + thread:get("bad")
    end
    io.write(string.format("SCALE ok=%d bad=%d micros=%d p50=%d p99=%d\n", ok, bad, summary.duration,
        latency:percentile(50), latency:percentile(99)))
end
