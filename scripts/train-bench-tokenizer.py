#!/usr/bin/python3
"""Trains a German SentencePiece Unigram model on the benchmark corpus, standing in for XLM-R's tokenizer.

    /usr/bin/python3 scripts/train-bench-tokenizer.py CORPUS.jsonl OUT/sentencepiece.bpe.model

XLM-R's own sentencepiece.bpe.model cannot be fetched here. A Unigram model trained on the same German news
gives realistic token counts per chunk (what drives embedding cost), which the tiny test model's
few-hundred-piece vocabulary does not. Needs Debian's python3-sentencepiece. Output is gitignored.
"""
import json
import os
import sys
import tempfile

import sentencepiece as spm

corpus, out = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as tmp:
    text = os.path.join(tmp, "text.txt")
    with open(corpus, encoding="utf-8") as src, open(text, "w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                dst.write(json.loads(line)["text"].replace("\n", " ") + "\n")
    spm.SentencePieceTrainer.train(
        input=text, model_prefix=os.path.join(tmp, "sp"), vocab_size=24000, model_type="unigram",
        character_coverage=0.9995, num_threads=2, minloglevel=2)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    os.replace(os.path.join(tmp, "sp.model"), out)
print(f"wrote {out}")
