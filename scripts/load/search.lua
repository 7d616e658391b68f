-- POST /api/search with German queries, chosen at random per request.
local queries = {
  "Gewerkschaft Verträge Transparenz", "Flüchtlinge Österreich Grenze", "Regierung Budget Steuerreform",
  "Fußball Meisterschaft Tor", "Smartphone Apple Google", "Klimawandel Forschung Studie",
  "Wahl Bundespräsident Kandidat", "Bank Zinsen Inflation", "Polizei Festnahme Wien",
  "Ukraine Russland Konflikt", "Internet Datenschutz Facebook", "Theater Premiere Kritik",
}
local modes = { "hybrid", "lexical" }
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local q = queries[math.random(#queries)]
  local body = string.format('{"query":"%s","top":%d,"mode":"%s"}', q, math.random(3, 10), modes[math.random(#modes)])
  return wrk.format(nil, "/api/search", nil, body)
end
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
