#!/usr/bin/env bash
# Compares this tree's lexical quality with another commit's, question by question: both trees are built and run the
# same `newsqa eval` (lexical, XQuAD dev's own questions, de and en, alone and with the 1,028 10kGNAD distractors, and
# without the questions' own articles for false answers), at each tree's shipped threshold. For every figure of
# docs/quality.md's lexical rows it prints both values, how many questions each tree wins against the other, and the
# exact two-sided sign test of those wins and losses: a figure that moves by a question or two moves by chance as often
# as not, and the table says so instead of leaving it to the reader.
#
#   scripts/quality-compare.sh 747fa9a                 # issue 31's reference, the last tree on FTS5 (about 6 min)
#   scripts/quality-compare.sh 747fa9a --out docs/quality-notes.md   # also into FILE, between its markers for REV
#
# Only XQuAD's questions: the reader-worded sets came after the lexical index moved, and an older tree's eval does not
# know them. Runs land in .quality-compare/ (REV's worktree, both trees' per-question reports); a rerun reuses them.
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { echo "usage: $0 REV [--out FILE]" >&2; exit 2; }
rev="$(git rev-parse --short "$1")"
shift
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 REV [--out FILE]" >&2; exit 2 ;;
  esac
done

here="$(git rev-parse --short HEAD)"
[ -z "$(git status --porcelain --untracked-files=no)" ] || here="$here+changes"
work=".quality-compare"
tree="$work/tree-$rev"
mkdir -p "$work"
if [ ! -d "$tree" ]; then
  git worktree add --detach "$tree" "$rev" >/dev/null
fi

T="$PWD/tests/TestData"
build() {
  echo "$(date -u +%H:%M:%S) building $1" >&2
  nice -n 19 dotnet build "$1/src/NewsQA.Cli" -c Release -v q -nologo >/dev/null
}
build "$tree"
build .

# One tree's six runs into DIR (name.report.jsonl), two at a time on two cores.
runs() {
  local cli="dotnet $1/src/NewsQA.Cli/bin/Release/net10.0/newsqa.dll" dir="$2"
  mkdir -p "$dir"
  one() {
    local name="$1" lang="$2"; shift 2
    [ -s "$dir/$name.report.jsonl" ] && return 0
    Embeddings__Model="" nice -n 19 $cli eval --paragraphs "$T/xquad-$lang-dev/paragraphs.jsonl" \
      --questions "$T/xquad-$lang-dev/questions.jsonl" --mode lexical "$@" --report "$dir/$name.report.jsonl.partial" \
      --json > /dev/null 2> "$dir/$name.err" && mv "$dir/$name.report.jsonl.partial" "$dir/$name.report.jsonl"
  }
  echo "$(date -u +%H:%M:%S) running $1" >&2
  for lang in de en; do
    one "$lang-d" "$lang" --distractors "$T/gnad10k/articles.jsonl" &
    one "$lang" "$lang" &
    wait
    one "$lang-without-gold" "$lang" --distractors "$T/gnad10k/articles.jsonl" --without-gold
  done
}
# A failed eval leaves no report (its .err says why): stop here rather than compare what is missing.
check() {
  local dir="$1" missing=0 name
  for name in de-d de de-without-gold en-d en en-without-gold; do
    [ -s "$dir/$name.report.jsonl" ] || { echo "no report for $name in $dir: see $dir/$name.err" >&2; missing=1; }
  done
  return $missing
}
runs "$tree" "$work/runs-$rev"
check "$work/runs-$rev"
rm -rf "$work/runs-here"
runs . "$work/runs-here"
check "$work/runs-here"

python3 - "$work/runs-$rev" "$work/runs-here" "$rev" "$here" "${out:-}" <<'PY'
import json, math, os, sys
old_dir, new_dir, rev, here, out = sys.argv[1:6]

def load(d, name):
    with open(os.path.join(d, name + ".report.jsonl"), encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}

def answered(r): return r["status"] == "answered"
def rr(r): return 1 / r["goldRank"] if r["goldRank"] and r["goldRank"] <= 10 else 0

# Each figure as a per-question value and whether higher is better.
FIGURES = [
    ("R@1", lambda r: r["goldRank"] == 1, True),
    ("R@5", lambda r: bool(r["goldRank"]) and r["goldRank"] <= 5, True),
    ("MRR@10", rr, True),
    ("answerContains", lambda r: answered(r) and r["answerContains"], True),
    ("answered", answered, True),
    ("highlight exact", lambda r: answered(r) and r["highlightExact"], True),
]

def sign_test(wins, losses):
    """Exact two-sided sign test: the chance of a split at least this uneven when each changed question moves either way at 1/2."""
    n = wins + losses
    if n == 0:
        return 1.0
    k = min(wins, losses)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)

def fmt(v): return f"{v:.3f}".lstrip("0") if v < 1 else f"{v:.3f}"

rows = []
worse = []
for lang, data in (("de", "de dev + 1,028 distractors"), ("en", "en dev + 1,028 distractors"), ("de", "de dev"), ("en", "en dev")):
    name = f"{lang}-d" if "distractors" in data else lang
    label = data
    old, new = load(old_dir, name), load(new_dir, name)
    ids = sorted(old.keys() & new.keys())
    figures = [(f, fn, up, old, new) for f, fn, up in FIGURES]
    if "distractors" in data:
        og, ng = load(old_dir, f"{lang}-without-gold"), load(new_dir, f"{lang}-without-gold")
        figures.append(("false answers", answered, False, og, ng))
    for figure, fn, up, o, n in figures:
        keys = sorted(o.keys() & n.keys())
        ov = [float(fn(o[k])) for k in keys]
        nv = [float(fn(n[k])) for k in keys]
        better = sum(1 for a, b in zip(ov, nv) if (b > a if up else b < a))
        poorer = sum(1 for a, b in zip(ov, nv) if (b < a if up else b > a))
        a, b = sum(ov) / len(keys), sum(nv) / len(keys)
        shown_worse = (round(b, 3) < round(a, 3)) if up else (round(b, 3) > round(a, 3))
        if shown_worse:
            worse.append(f"{data} {figure}")
        rows.append(f"| {label} | {figure} | {fmt(a)} | {fmt(b)} | {better} | {poorer} | {sign_test(better, poorer):.2f} | {'worse' if shown_worse else ''} |")
        label = ""

text = [
    f"Lexical quality, {here} against {rev}: `scripts/quality-compare.sh {rev}` (XQuAD dev's own questions, 632 per language; "
    "both trees run here, at their shipped thresholds). Won / lost: questions whose value for the figure is better / worse "
    f"on {here} than on {rev} (for MRR@10 a higher or lower reciprocal rank; for false answers, lower is better). p: the exact two-sided "
    "sign test of won against lost.",
    "",
    f"| data | figure | {rev} | {here} | won | lost | p | shown as |",
    "|---|---|---:|---:|---:|---:|---:|---|",
    *rows,
    "",
    f"Figures shown worse (three decimals): {len(worse)}" + (": " + "; ".join(worse) if worse else "") + ".",
]
print("\n".join(text))
if out:
    # Between the file's markers when it has them (docs/quality-notes.md), else appended.
    begin, end = f"<!-- compare {rev}:begin (scripts/quality-compare.sh {rev}) -->", f"<!-- compare {rev}:end -->"
    block = "\n".join([begin, *text, end])
    old = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
    if begin in old and end in old:
        new = old[:old.index(begin)] + block + old[old.index(end) + len(end):]
    else:
        new = old + ("\n" if old else "") + block + "\n"
    with open(out, "w", encoding="utf-8") as f:
        f.write(new)
PY
