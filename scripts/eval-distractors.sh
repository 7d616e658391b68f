#!/usr/bin/env bash
# XQuAD dev with the 1,028 10kGNAD articles as distractors, answerable and unanswerable, at every threshold.
#   scripts/eval-distractors.sh de|en [hybrid|lexical] [Embeddings__Model=/path/to/model ...]
# Answerable: the questions asked of their paragraphs plus the distractors. Unanswerable: the same questions
# asked of the distractors alone, so every answer there is a false one. Both run with Answer__MinConfidence=0 so
# each question reports its best confidence; scripts/eval-thresholds.py reads answerContains, answered and the
# false-answer rate at each threshold. A stand-in until `newsqa eval --distractors` (issue 13) lands.
set -euo pipefail
lang=${1:?de or en}; mode=${2:-lexical}; shift $(( $# >= 2 ? 2 : 1 ))
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 - "$root" "$lang" "$work" <<'PY'
import json, sys
root, lang, work = sys.argv[1:]
gnad = [json.loads(l) for l in open(f"{root}/tests/TestData/gnad10k/articles.jsonl", encoding="utf-8") if l.strip()]
lines = [json.dumps({"id": a["id"], "title": a["id"], "text": a["text"]}, ensure_ascii=False) + "\n" for a in gnad]
open(f"{work}/gnad.jsonl", "w", encoding="utf-8").writelines(lines)
own = [l for l in open(f"{root}/tests/TestData/xquad-{lang}-dev/paragraphs.jsonl", encoding="utf-8") if l.strip()]
open(f"{work}/with.jsonl", "w", encoding="utf-8").writelines(own + lines)
PY
dotnet build "$root/src/NewsQA.Cli" -v q >/dev/null
cli="$root/src/NewsQA.Cli/bin/Debug/net10.0/newsqa"
questions="$root/tests/TestData/xquad-$lang-dev/questions.jsonl"
env "$@" Answer__MinConfidence=0 "$cli" eval --paragraphs "$work/with.jsonl" --questions "$questions" --mode "$mode" --json --report answerable.jsonl >/dev/null
env "$@" Answer__MinConfidence=0 "$cli" eval --paragraphs "$work/gnad.jsonl" --questions "$questions" --mode "$mode" --json --report unanswerable.jsonl >/dev/null
python3 "$root/scripts/eval-thresholds.py" answerable.jsonl unanswerable.jsonl
