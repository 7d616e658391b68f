#!/usr/bin/env python3
"""Choose Answer:MinConfidence from two `newsqa eval --report` files.

answerable.jsonl:   questions asked of the corpus that holds their answers (e.g. XQuAD-de on its paragraphs)
unanswerable.jsonl: questions asked of a corpus that cannot answer them (e.g. XQuAD-de on the seeds)

Run both evals with Answer__MinConfidence=0 so every question reports the confidence of its best candidate.
A wrong answer costs more than a missed one — a confidently cited wrong answer misleads a reader, an honest
"no answer" does not — so the threshold maximises
    answered(answerable) - COST * answered(unanswerable)
and, on ties, the higher threshold (fewer, surer answers).
Usage: scripts/calibrate.py answerable.jsonl unanswerable.jsonl [COST=3]
"""
import json
import sys

pos = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
neg = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
cost = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0

best = None
print("threshold  answered(answerable)  cited-gold  answered(unanswerable)  utility")
for step in range(20, 81, 2):
    t = step / 100
    answered = sum(p["confidence"] >= t for p in pos) / len(pos)
    gold = sum(p["confidence"] >= t and p["citedGold"] for p in pos) / len(pos)
    false = sum(n["confidence"] >= t for n in neg) / len(neg)
    utility = answered - cost * false
    print(f"{t:9.2f}  {answered:20.3f}  {gold:10.3f}  {false:22.3f}  {utility:7.3f}")
    if best is None or utility >= best[1] - 1e-9:
        best = (t, utility)

print(f"\nrecommended Answer:MinConfidence = {best[0]:.2f} (utility {best[1]:.3f}, cost of a false answer = {cost})")
