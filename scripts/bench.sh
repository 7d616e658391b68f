#!/usr/bin/env bash
# Runs every NewsQA benchmark and writes docs/performance.md (issue 8). About 25 minutes on a 2-core machine.
#   scripts/bench.sh                 # everything
#   INGEST_ARTICLES=100 scripts/bench.sh    # quicker: ingest 100 of the 1,028 articles
# Needs: dotnet, /usr/bin/python3 with onnx + numpy (+ python3-sentencepiece, installed here if missing), node/npm, wrk.
# Everything generated (random-weight model, tokenizer, stores) goes to the gitignored .bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/.bench
# The corpus lives in shared/ beside the repo (CC BY-NC-SA: benchmarks only, never committed).
CORPUS=${CORPUS:-$ROOT/../shared/corpus/gnad10k/articles.jsonl}
INGEST_ARTICLES=${INGEST_ARTICLES:-1028}
WRK_SECONDS=${WRK_SECONDS:-15}
PORT=${PORT:-5187}
OUT=$ROOT/docs/performance.md
mkdir -p "$BENCH"
log() { echo "[$(date +%T)] $*" >&2; }
SECTIONS=$BENCH/sections.md; : > "$SECTIONS"
section() { cat >> "$SECTIONS"; echo >> "$SECTIONS"; }

log "model: random-weight multilingual-e5-small + German SentencePiece"
/usr/bin/python3 -c "import onnx, numpy, sentencepiece" 2>/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-onnx python3-numpy python3-sentencepiece >/dev/null; }
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f "$BENCH/random-e5/model.onnx" ] || /usr/bin/python3 scripts/make-random-e5.py "$BENCH/random-e5"
[ -f "$BENCH/random-e5/sentencepiece.bpe.model" ] || /usr/bin/python3 scripts/train-bench-tokenizer.py "$CORPUS" "$BENCH/random-e5/sentencepiece.bpe.model"

log "build"
dotnet build -c Release tests/NewsQA.Benchmarks -v q -nologo >/dev/null
dotnet build -c Release src/NewsQA.Api -v q -nologo >/dev/null
B=$ROOT/tests/NewsQA.Benchmarks/bin/Release/net10.0/NewsQA.Benchmarks
(cd tests/NewsQA.Benchmarks/js && [ -d node_modules ] || npm ci --ignore-scripts --silent)

CMD_EMBED="NewsQA.Benchmarks embed --model .bench/random-e5 --chunks 128 --sweep-chunks 48"
log "embed"; $B embed --model "$BENCH/random-e5" --corpus "$CORPUS" --chunks 128 --sweep-chunks 48 --ids-out "$BENCH/ids.json" | section
log "transformers.js"; { echo "transformers.js (\`node tests/NewsQA.Benchmarks/js/embed.mjs\`, same model files, AutoModel fp32 on onnxruntime-node CPU, default threads):"; echo; node tests/NewsQA.Benchmarks/js/embed.mjs "$BENCH" random-e5 "$BENCH/ids.json" 2; } | section
log "ingest"; $B ingest --model "$BENCH/random-e5" --corpus "$CORPUS" --articles "$INGEST_ARTICLES" | section
log "search"; $B search | section

log "synthetic 100k-chunk store"
rm -rf "$BENCH/store-100k" "$BENCH/empty"; mkdir -p "$BENCH/empty"
$B make-store --chunks 100000 --corpus "$CORPUS" --data "$BENCH/store-100k"
log "memory"; $B memory --data "$BENCH/store-100k" | section

API_DLL=$ROOT/src/NewsQA.Api/bin/Release/net10.0/NewsQA.Api.dll
API_PID=
STARTED=
start_api() { # data-dir seeds-on-empty; sets API_PID and STARTED (seconds until /health/live answers). Not in $(...): the pid must reach stop_api.
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/live"; then echo "port $PORT is already served" >&2; exit 1; fi
  local t0; t0=$(date +%s.%N)
  Data__Path=$1 Seeds__Path=$ROOT/seeds Seeds__IngestOnEmpty=$2 Embeddings__AutoPull=false Embeddings__Model=$BENCH/random-e5 \
    Logging__LogLevel__Default=Warning ASPNETCORE_URLS=http://127.0.0.1:$PORT RateLimit__Enabled=false \
    dotnet "$API_DLL" > "$BENCH/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 1200); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/live" && break
    kill -0 "$API_PID" 2>/dev/null || { cat "$BENCH/api.log" >&2; exit 1; }
    sleep 0.05
  done
  STARTED=$(echo "$(date +%s.%N) - $t0" | bc)
}
stop_api() { kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; }
trap stop_api EXIT

log "start time"
start_api "$BENCH/empty" false; E1=$STARTED; stop_api
start_api "$BENCH/store-100k" false; S1=$STARTED; stop_api
start_api "$BENCH/empty" false; E2=$STARTED; stop_api
start_api "$BENCH/store-100k" false; S2=$STARTED; stop_api
{
  echo "### API start (until /health/live answers; random-weight e5 model loaded in both; 2 runs each, alternated)"
  echo
  echo "- **Start with 100k chunks / empty data dir: $(echo "scale=2; ($S1 + $S2) / ($E1 + $E2)" | bc)** (100k chunks: ${S1:0:5} s, ${S2:0:5} s; empty: ${E1:0:5} s, ${E2:0:5} s)."
} | section

log "http"
rm -rf "$BENCH/http-data"
start_api "$BENCH/http-data" true
curl -fs -o /dev/null -X POST "http://127.0.0.1:$PORT/api/search" -H 'Content-Type: application/json' -d '{"query":"Wahl"}' || true
SEARCH_BODY='{"query":"Wer hat die Wahl in Österreich gewonnen?","top":5}'
ASK_BODY='{"question":"Wer hat die Wahl in Österreich gewonnen?"}'
run_wrk() { # name url body
  local out; out=$(BODY=$3 wrk -t2 -c8 -d"${WRK_SECONDS}s" --latency ${3:+-s tests/NewsQA.Benchmarks/wrk/post.lua} "http://127.0.0.1:$PORT$2")
  echo "$out" > "$BENCH/wrk-$1.txt"
  local rps p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  # A ratio of error responses would measure nothing: stop instead of reporting it.
  if [ "${non2xx:-0}" != 0 ]; then echo "wrk $1: $non2xx non-2xx responses" >&2; exit 1; fi
  echo "$1|$rps|$p99|${non2xx:-0}"
}
LIVE=$(run_wrk live /health/live "")
SEARCH=$(run_wrk search /api/search "$SEARCH_BODY")
ASK=$(run_wrk ask /api/ask "$ASK_BODY")
stop_api
rps() { echo "$1" | cut -d'|' -f2; }
{
  echo "### HTTP under wrk (127.0.0.1, 2 threads, 8 connections, ${WRK_SECONDS} s each; seeds ingested, random-weight e5 model; rate limiting off for the run)"
  echo
  echo "- **/api/search requests/s / /health/live: $(echo "scale=4; $(rps "$SEARCH") / $(rps "$LIVE")" | bc)**; **/api/ask / /health/live: $(echo "scale=4; $(rps "$ASK") / $(rps "$LIVE")" | bc)**."
  echo
  echo "| endpoint | requests/s | p99 | non-2xx |"
  echo "|---|---:|---:|---:|"
  for r in "$LIVE" "$SEARCH" "$ASK"; do echo "| $(echo "$r" | cut -d'|' -f1) | $(echo "$r" | cut -d'|' -f2) | $(echo "$r" | cut -d'|' -f3) | $(echo "$r" | cut -d'|' -f4) |"; done
  echo
  echo "/api/search and /api/ask embed the query with the fp32 model on every request (no cache), so they are bound by one encoder run per request."
} | section

log "BenchmarkDotNet"
(cd "$BENCH" && $B bdn --filter '*' --exporters github > "$BENCH/bdn.log" 2>&1)
{
  echo "### BenchmarkDotNet: 100k-row dense search kernels (ShortRun-style in-process job: 2 warm-ups, 5 iterations)"
  echo
  sed -n '/^| Method/,/^$/p' "$BENCH/bdn.log"
} | section

log "write $OUT"
{
  echo "# Performance"
  echo
  echo "Written by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d). Ratios first: each is measured against a baseline in the same run; absolute numbers are context (a shared 2-core machine, noisy)."
  echo
  echo "**The embedding model has multilingual-e5-small's exact architecture (12 layers, hidden 384, 12 heads, FFN 1536, 250,002-token vocabulary, 512 positions) but RANDOM weights** (scripts/make-random-e5.py, fp32, 470 MB, generated into .bench/, not committed). Inference speed does not depend on weight values; the vectors mean nothing, so no quality is measured here. The tokenizer is a 24k-piece German SentencePiece Unigram trained on the bench corpus (scripts/train-bench-tokenizer.py), standing in for XLM-R's, so chunk token counts are realistic."
  echo
  echo "## Summary"
  echo
  echo "The headline ratios of this run, as the benchmarks printed them below (targets from issue 8 in the lines). What is compared, what limits each figure and how noisy it is: [performance-notes.md](performance-notes.md)."
  echo
  grep -E '^- \*\*' "$SECTIONS" || true
  echo
  echo "## Results"
  echo
  cat "$SECTIONS"
  echo "## Machine"
  echo
  echo '```'
  lscpu | grep -E '^(Architecture|CPU\(s\)|Model name|Thread|Core|Socket|L2|L3|Flags)' | sed 's/^Flags:.*\(avx[^ ]*\).*/Flags: (avx2\/avx512 as listed by lscpu)/' | cut -c1-160
  free -h | head -2
  dotnet --info | sed -n '/^\.NET SDK/,/^$/p;/^Host/,/^$/p' | head -14
  echo "node $(node --version), wrk $(wrk --version 2>&1 | head -1 | awk '{print $2}')"
  echo '```'
  echo
  echo "## Commands"
  echo
  echo '```'
  echo "scripts/bench.sh   # INGEST_ARTICLES=$INGEST_ARTICLES WRK_SECONDS=$WRK_SECONDS"
  echo "# it runs, with B=tests/NewsQA.Benchmarks/bin/Release/net10.0/NewsQA.Benchmarks:"
  echo "/usr/bin/python3 scripts/make-random-e5.py .bench/random-e5"
  echo "/usr/bin/python3 scripts/train-bench-tokenizer.py \$CORPUS .bench/random-e5/sentencepiece.bpe.model"
  echo "\$B embed --model .bench/random-e5 --chunks 128 --sweep-chunks 48"
  echo "node tests/NewsQA.Benchmarks/js/embed.mjs .bench random-e5 .bench/ids.json 2"
  echo "\$B ingest --model .bench/random-e5 --articles $INGEST_ARTICLES"
  echo "\$B search                       # 10k, 100k, 1M synthetic vectors"
  echo "\$B make-store --chunks 100000 --data .bench/store-100k && \$B memory --data .bench/store-100k"
  echo "dotnet src/NewsQA.Api/bin/Release/net10.0/NewsQA.Api.dll   # start time: empty vs 100k data dir"
  echo "wrk -t2 -c8 -d${WRK_SECONDS}s --latency [-s tests/NewsQA.Benchmarks/wrk/post.lua] http://127.0.0.1:$PORT/{health/live,api/search,api/ask}"
  echo "\$B bdn --filter '*'"
  echo '```'
} > "$OUT"
log "done: $OUT"
