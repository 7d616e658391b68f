#!/usr/bin/env bash
# Mixed load on the real API (Release build) on 127.0.0.1: search + ask + ingest at once with wrk for
# DURATION seconds, RSS of the API sampled every 5 s, then docs/reliability.md written with the numbers.
# Rate limiting is switched OFF for the run (RateLimit:Enabled=false): one client IP would otherwise hit
# the per-IP budget within a second. With KILL_TEST=1 (default) the durability kill test runs first and its
# results go into the same report.
# Usage: scripts/load.sh            (DURATION=100 PORT=5311 KILL_TEST=1)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${DURATION:-100}"
PORT="${PORT:-5311}"
KILL_TEST="${KILL_TEST:-1}"
OUT="$(mktemp -d /tmp/newsqa-load-XXXXXX)"
DATA="$OUT/data"
export LOAD_DIR="$ROOT/scripts/load"
cd "$ROOT"

if [[ "$KILL_TEST" == 1 ]]; then
  echo "== kill test"
  dotnet build tests/NewsQA.Api.Tests -v q -nologo | tail -1
  NEWSQA_KILLTEST_REPORT="$OUT/kill.json" dotnet test --project tests/NewsQA.Api.Tests --no-build \
    --filter-class NewsQA.Api.Tests.Reliability.KillTests | tail -6 | tee "$OUT/kill.log"
fi

echo "== build (Release)"
dotnet build src/NewsQA.Api -c Release -v q -nologo | tail -1
API_DLL="$ROOT/src/NewsQA.Api/bin/Release/net10.0/NewsQA.Api.dll"

echo "== start API on 127.0.0.1:$PORT (rate limiting off for the load run)"
dotnet exec "$API_DLL" --urls "http://127.0.0.1:$PORT" --Data:Path="$DATA" --Seeds:IngestOnEmpty=false --Embeddings:AutoPull=false \
  --RateLimit:Enabled=false --Logging:LogLevel:Default=Warning > "$OUT/api.log" 2>&1 &
API_PID=$!
SAMPLER_PID=""
cleanup() { [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null; kill "$API_PID" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health/live" >/dev/null && break; sleep 0.2; done

echo "== preload tests/TestData/gnad200.jsonl"
python3 - "$PORT" <<'PY'
import json, sys, urllib.request
port = sys.argv[1]; ok = 0
for line in open("tests/TestData/gnad200.jsonl", encoding="utf-8"):
    a = json.loads(line)
    body = json.dumps({"id": a["id"], "text": a["text"], "source": "DER STANDARD / " + a["category"]}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/documents", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r: ok += r.status in (200, 201)
print(f"preloaded {ok} documents")
PY

rss() { awk '/VmRSS/ {print $2}' "/proc/$API_PID/status"; }
echo "seconds,rss_kib" > "$OUT/rss.csv"
( start=$(date +%s); while kill -0 "$API_PID" 2>/dev/null; do echo "$(( $(date +%s) - start )),$(rss)" >> "$OUT/rss.csv"; sleep 5; done ) &
SAMPLER_PID=$!

echo "== wrk for ${DURATION}s: search (8 conns) + ask (4 conns) + ingest (1 conn)"
URL="http://127.0.0.1:$PORT"
wrk -t1 -c8 -d"${DURATION}s" --timeout 10s -s "$LOAD_DIR/search.lua" "$URL" > "$OUT/search.txt" 2>&1 &
W1=$!
wrk -t1 -c4 -d"${DURATION}s" --timeout 10s -s "$LOAD_DIR/ask.lua" "$URL" > "$OUT/ask.txt" 2>&1 &
W2=$!
wrk -t1 -c1 -d"${DURATION}s" --timeout 10s -s "$LOAD_DIR/ingest.lua" "$URL" > "$OUT/ingest.txt" 2>&1 &
W3=$!
wait $W1 $W2 $W3
sleep 5
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
curl -s "$URL/metrics" > "$OUT/metrics.txt"
READY=$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/ready")

python3 - "$OUT" "$DURATION" "$READY" "$KILL_TEST" <<'PY'
import json, os, platform, re, subprocess, sys
out, duration, ready, kill_test = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
def result(name):
    text = open(f"{out}/{name}.txt").read()
    m = re.search(r"RESULT (\{.*\})", text)
    return json.loads(m.group(1)) if m else {"error": text[-500:]}
runs = {n: result(n) for n in ("search", "ask", "ingest")}
rss = [tuple(map(int, l.split(","))) for l in open(f"{out}/rss.csv").read().split("\n")[1:] if l.strip()]
metrics = open(f"{out}/metrics.txt").read()
ingest_lines = [l for l in metrics.splitlines() if l.startswith("newsqa_ingest_documents_total")]
server_errors = sum(float(l.rsplit(" ", 1)[1]) for l in metrics.splitlines()
                    if l.startswith("http_server_request_duration_seconds_count") and re.search(r'http_response_status_code="5', l))
cpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
L = []
L.append("# Reliability: load and kill-test results\n")
L.append(f"Measured by `scripts/load.sh` (commit `{commit}`, {cpu} cores, {platform.system()} {platform.release()}, Release build, "
         f"embedded store, lexical-only: no embedding model configured). Test data: `tests/TestData/gnad200.jsonl` "
         f"(200 DER STANDARD articles from 10kGNAD, CC BY-NC-SA, test data only).\n")
L.append("## Mixed load\n")
L.append(f"`DURATION={duration} scripts/load.sh` — API on 127.0.0.1, 200 articles preloaded, then three `wrk` clients at once for "
         f"{duration} s: `search.lua` (8 connections, random German queries, hybrid/lexical, top 3–10), `ask.lua` (4 connections, "
         f"German questions), `ingest.lua` (1 connection, 40 rotating ids, every request changes the text: updates). "
         f"**Rate limiting was off for the run** (`--RateLimit:Enabled=false`): all load comes from one IP and would exhaust the "
         f"per-client budget (default 60/min) at once.\n")
L.append("| endpoint | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors |")
L.append("|---|---|---|---|---|---|---|---|---|")
for n, r in runs.items():
    if "error" in r:
        L.append(f"| {n} | wrk failed: {r['error']!r} |"); continue
    L.append(f"| {n} | {r['requests']} | {r['rps']} | {r['p50ms']} | {r['p90ms']} | {r['p99ms']} | {r['maxms']} | {r['non2xx']} | {r['socketErrors']} |")
L.append(f"\nServer-side 5xx counted in `/metrics` during the run: **{int(server_errors)}**. `/health/ready` afterwards: **{ready}**.\n")
L.append("Ingest counters from `/metrics` after the run:\n\n```\n" + "\n".join(ingest_lines) + "\n```\n")
L.append("### Memory (RSS of the API process, sampled every 5 s)\n")
L.append("| s | RSS MiB |\n|---|---|")
for s, kib in rss:
    L.append(f"| {s} | {kib/1024:.0f} |")
if len(rss) >= 4:
    first_half = rss[len(rss)//4: len(rss)//2]; second_half = rss[len(rss)//2:]
    a = sum(k for _, k in first_half)/len(first_half)/1024; b = sum(k for _, k in second_half)/len(second_half)/1024
    L.append(f"\nMean RSS second quarter {a:.0f} MiB, second half {b:.0f} MiB (drift {b-a:+.0f} MiB).\n")
if kill_test and os.path.exists(f"{out}/kill.json"):
    k = json.load(open(f"{out}/kill.json"))
    L.append("## Durability kill test\n")
    L.append("`NEWSQA_KILLTEST_REPORT=kill.json dotnet test --project tests/NewsQA.Api.Tests --filter-class NewsQA.Api.Tests.Reliability.KillTests` "
             "(run by `scripts/load.sh`). The real API (`dotnet exec NewsQA.Api.dll`, temp `Data:Path`, `Seeds:IngestOnEmpty=false`) "
             "ingests the 200 articles with two parallel writers; every round appends a new sentence to every article so each request "
             "is a real write (an update after round 1); the process gets SIGKILL after a random delay. After each restart the test checks: "
             "every acknowledged write is present; every listed document has text, chunks, valid spans covering every non-space character; "
             "8 random documents are found by search with `text == document.text[span]`; `/health/ready` is 200; and, opening "
             "`newsqa.db` read-only: no chunk without its document, no document without chunks, `chunk_count` matches, no stray FTS rows, "
             "`PRAGMA integrity_check` ok. Finally the full ingest is re-run (all 200 answered 200/201, 200 documents listed) and one "
             "document is deleted: search and ask stop returning it at once, and it stays gone after another SIGKILL.\n")
    L.append(f"Seed {k['seed']}, {k['seconds']} s in total (`NEWSQA_KILLTEST_SEED` repeats a run).\n")
    L.append("| round | kill after ms | docs before | writes acknowledged | docs after restart | chunks |\n|---|---|---|---|---|---|")
    for r in k["rounds"]:
        if r.get("final"):
            L.append(f"| final re-ingest | – | – | {r['reingested']} | {r['Documents']} | {r['Chunks']} |")
        else:
            L.append(f"| {r['round']} | {r['killAfterMs']} | {r['documentsBefore']} | {r['acknowledgedThisRound']} | {r['documentsAfterRestart']} | {r['Chunks']} |")
    L.append("\nA restart can show one document more than was acknowledged: the kill landed after the commit but before the response; "
             "that write is complete (the checks above cover it). Test result: " + " ".join(l.strip() for l in open(f"{out}/kill.log") if re.match(r"\s*(Test run summary|total|failed|succeeded):?", l)) + "\n")
L.append("## Reproduce\n\n```\nscripts/load.sh                 # kill test + 100 s mixed load, rewrites this file\nKILL_TEST=0 DURATION=60 scripts/load.sh\n```\n")
# The hand-written rules after the marker are kept: this script rewrites only the measured part above them.
marker = "<!-- hand-written below: kept by scripts/load.sh -->"
old = open("docs/reliability.md").read() if os.path.exists("docs/reliability.md") else ""
kept = old[old.index(marker):] if marker in old else ""
open("docs/reliability.md", "w").write("\n".join(L) + "\n" + ("\n" + kept if kept else ""))
print("\n".join(L))
PY
echo "raw output in $OUT"
