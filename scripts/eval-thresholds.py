#!/usr/bin/env python3
"""answerContains, answered, highlight exact match and false-answer rate at each Answer:MinConfidence.

Reads two `newsqa eval --report` files written with Answer__MinConfidence=0 (scripts/eval-distractors.sh):
answerable.jsonl (each question asked of a corpus holding its answer) and unanswerable.jsonl (asked of one that
does not, so any answer is false). A question counts as answered at threshold t when its best confidence >= t.
Usage: scripts/eval-thresholds.py answerable.jsonl unanswerable.jsonl
"""
import json
import sys

pos = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
neg = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]


def share(rows, t, key=None):
    return sum(r["status"] == "answered" and r["confidence"] >= t and (key is None or r.get(key)) for r in rows) / len(rows)


print("threshold  answerContains  answered  highlightExact  falseAnswers")
for step in range(20, 62, 2):
    t = step / 100
    print(f"{t:9.2f}  {share(pos, t, 'answerContains'):14.3f}  {share(pos, t):8.3f}  {share(pos, t, 'highlightExact'):14.3f}  {share(neg, t):12.3f}")
