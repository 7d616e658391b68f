-- POST /api/documents: 40 rotating ids, text changes every request, so most requests are real updates.
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local body = string.format('{"id":"load-%d","title":"Lasttest %d","source":"load","text":"Die Stadtwerke melden am Montag eine Störung im Netz. Betroffen sind nach Angaben des Unternehmens rund %d Haushalte. Ein Sprecher sagte, die Techniker arbeiteten mit Hochdruck an der Behebung.\\n\\nAm Abend soll die Versorgung wieder stehen. Meldung Nummer %d."}', n % 40, n, n * 7, n)
  return wrk.format(nil, "/api/documents", nil, body)
end
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
