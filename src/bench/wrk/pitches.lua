-- wrk script: send pitches, each (source, query) pair once: a line of the file is "SESSION<TAB>path<TAB>form body"
-- (the form with its CSRF token and a fresh submission key). Thread n of N takes lines n, n+N, ...; a thread that runs
-- out stops. Served means the redirect to the new pitch (a refusal re-renders the form with 200).
-- wrk -s pitches.lua <base url> -- <pairs file> <threads>
local threads = {}
local count = 0

function setup(thread)
    thread:set("id", count)
    count = count + 1
    table.insert(threads, thread)
end

function init(args)
    local total = tonumber(args[2])
    lines = {}
    local n = 0
    for line in io.lines(args[1]) do
        if n % total == id then
            lines[#lines + 1] = line
        end
        n = n + 1
    end
    at = 0
    ok, bad = 0, 0
end

function request()
    at = at + 1
    if at > #lines then
        wrk.thread:stop()
        at = #lines
    end
    local session, path, body = lines[at]:match("([^\t]*)\t([^\t]*)\t(.*)")
    return wrk.format("POST", path, { ["Cookie"] = "SESSION=" .. session,
        ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
    local location = headers["Location"] or headers["location"] or ""
    if status == 302 and string.find(location, "/pitches/", 1, true) then
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
