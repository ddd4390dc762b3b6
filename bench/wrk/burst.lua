-- The moment after publication: every connection walks list -> detail -> download (5 MB) -> thumbnail in turn.
-- The paths come after "--" on wrk's command line.
local paths = {}
local i = 0

function init(args)
  for _, p in ipairs(args) do
    paths[#paths + 1] = p
  end
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i - 1) % #paths + 1])
end
