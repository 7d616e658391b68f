-- POST /api/ask with German questions.
local questions = {
  "Was kritisiert die Gewerkschaft an All-in-Verträgen?", "Wie viele Flüchtlinge kamen nach Österreich?",
  "Wer gewann das Spiel?", "Was hat die Regierung beschlossen?", "Welche Studie wurde veröffentlicht?",
  "Was plant Apple?", "Warum ermittelt die Polizei?", "Wie hoch ist die Inflation?",
}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local body = string.format('{"question":"%s"}', questions[math.random(#questions)])
  return wrk.format(nil, "/api/ask", nil, body)
end
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
