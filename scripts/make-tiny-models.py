#!/usr/bin/python3
"""Builds the tiny embedding models under models/tiny/ that the ONNX tests run against.

Run with Debian's python (it has onnx and numpy):  /usr/bin/python3 scripts/make-tiny-models.py

Two models, each with the same graph interface as a real Hugging Face export
(int64 `input_ids`, `attention_mask` [, `token_type_ids`] of shape [batch, seq] -> float
`last_hidden_state` [batch, seq, hidden]):

  models/tiny/bert/   model.onnx (with token_type_ids) + vocab.txt (WordPiece, uncased)
  models/tiny/xlmr/   model.onnx (without token_type_ids) + sentencepiece.bpe.model (Unigram, as XLM-R's is)

The weights follow closed formulas (see `weights`) so the C# tests can recompute a vector by hand.
The graph, per token t at position p in a sequence with attention mask m:

  x[p]   = tok[id[p]] + pos[p] (+ typ[token_type[p]])
  ctx    = sum_p m[p] * x[p] / sum_p m[p]          (masked mean: only real tokens are attended to)
  out[p] = tanh(x[p] + 0.5 * ctx)

so a token's output depends on the token, its position and the other (unmasked) tokens, like a
transformer layer, and padding never changes the outputs of real tokens.

The script also writes reference-tokens.json: ids for a few texts computed by the plain-Python
tokenizers below (BERT basic tokenization + greedy WordPiece; SentencePiece Unigram Viterbi with
the fairseq id mapping). The C# tests compare Microsoft.ML.Tokenizers' output with them.

Everything is deterministic: no randomness, fixed ordering, fixed protobuf field order.
"""
import hashlib
import json
import math
import os
import struct

import numpy as np
import onnx
from onnx import TensorProto, helper

HIDDEN = 16
MAX_TOKENS = 128
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "models", "tiny")


# ---------------------------------------------------------------- weights (mirrored in the C# tests)
def weights(vocab_size):
    """tok[v,h] = sin(0.7 v + 1.3 h + 0.1); pos[p,h] = 0.1 cos(0.5 p + 0.9 h); typ[t,h] = 0.05 (t+1) sin(h)."""
    v = np.arange(vocab_size, dtype=np.float64)[:, None]
    p = np.arange(MAX_TOKENS, dtype=np.float64)[:, None]
    t = np.arange(2, dtype=np.float64)[:, None]
    h = np.arange(HIDDEN, dtype=np.float64)[None, :]
    tok = np.sin(0.7 * v + 1.3 * h + 0.1).astype(np.float32)
    pos = (0.1 * np.cos(0.5 * p + 0.9 * h)).astype(np.float32)
    typ = (0.05 * (t + 1) * np.sin(h)).astype(np.float32)
    return tok, pos, typ


def build_model(vocab_size, with_token_types):
    tok, pos, typ = weights(vocab_size)
    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
        helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"]),
    ]
    if with_token_types:
        inputs.append(helper.make_tensor_value_info("token_type_ids", TensorProto.INT64, ["batch", "seq"]))
    output = helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", HIDDEN])

    inits = [
        helper.make_tensor("tok", TensorProto.FLOAT, tok.shape, tok.flatten().tolist()),
        helper.make_tensor("pos", TensorProto.FLOAT, pos.shape, pos.flatten().tolist()),
        helper.make_tensor("zero", TensorProto.INT64, [1], [0]),
        helper.make_tensor("one", TensorProto.INT64, [1], [1]),
        helper.make_tensor("two", TensorProto.INT64, [1], [2]),
        helper.make_tensor("half", TensorProto.FLOAT, [], [0.5]),
    ]
    nodes = [
        helper.make_node("Gather", ["tok", "input_ids"], ["tok_x"], axis=0),
        # Positions 0..seq-1: slice the table to the (dynamic) sequence length.
        helper.make_node("Shape", ["input_ids"], ["ids_shape"]),
        helper.make_node("Slice", ["ids_shape", "one", "two"], ["seq_len"]),
        helper.make_node("Slice", ["pos", "zero", "seq_len", "zero"], ["pos_x"]),
        helper.make_node("Add", ["tok_x", "pos_x"], ["x0"]),
    ]
    last = "x0"
    if with_token_types:
        inits.append(helper.make_tensor("typ", TensorProto.FLOAT, typ.shape, typ.flatten().tolist()))
        nodes += [
            helper.make_node("Gather", ["typ", "token_type_ids"], ["typ_x"], axis=0),
            helper.make_node("Add", ["x0", "typ_x"], ["x1"]),
        ]
        last = "x1"
    nodes += [
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "two"], ["mask3"]),
        helper.make_node("Mul", [last, "mask3"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "one"], ["sum_x"], keepdims=1),
        helper.make_node("ReduceSum", ["mask3", "one"], ["count"], keepdims=1),
        helper.make_node("Div", ["sum_x", "count"], ["ctx"]),
        helper.make_node("Mul", ["ctx", "half"], ["ctx_half"]),
        helper.make_node("Add", [last, "ctx_half"], ["pre"]),
        helper.make_node("Tanh", ["pre"], ["last_hidden_state"]),
    ]
    graph = helper.make_graph(nodes, "tiny_encoder", inputs, [output], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="newsqa-make-tiny-models")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


# ---------------------------------------------------------------- WordPiece (BERT, uncased)
BERT_SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
BERT_WORDS = [
    "query", "passage", ":", ".", ",", "?", "!", "wer", "ist", "die", "der", "das", "in", "und",
    "regierung", "berlin", "kanzler", "bund", "wahl", "tag", "haus", "stadt", "neue", "heute",
    "##es", "##tag", "##s", "##wahl", "##en", "##er", "##n", "##e",
]
BERT_LETTERS = [c for c in "abcdefghijklmnopqrstuvwxyz"] + ["##" + c for c in "abcdfghiklmoprtu"]  # ##e, ##n, ##s are above


def bert_vocab():
    vocab = BERT_SPECIALS + BERT_WORDS + BERT_LETTERS
    assert len(set(vocab)) == len(vocab), "a duplicate token would make ids ambiguous"
    return vocab


def bert_reference_ids(text, vocab):
    """BERT's BasicTokenizer (lower case, split on whitespace and punctuation) + greedy longest-match WordPiece."""
    index = {t: i for i, t in enumerate(vocab)}
    words, current = [], ""
    for ch in text.lower():
        if ch.isspace():
            if current:
                words.append(current)
            current = ""
        elif not ch.isalnum():
            if current:
                words.append(current)
            words.append(ch)
            current = ""
        else:
            current += ch
    if current:
        words.append(current)
    ids = [index["[CLS]"]]
    for word in words:
        pieces, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                candidate = ("##" if start > 0 else "") + word[start:end]
                if candidate in index:
                    found = candidate
                    break
                end -= 1
            if found is None:
                pieces = ["[UNK]"]
                break
            pieces.append(found)
            start = end
        ids += [index[p] for p in pieces]
    ids.append(index["[SEP]"])
    return ids


# ---------------------------------------------------------------- SentencePiece Unigram (XLM-R style)
SPM_WORDS = [
    "▁query", ":", "▁passage", "▁Wer", "▁ist", "▁Kanzler", "?", "▁Die", "▁die", "▁Regierung", "▁in",
    "▁Berlin", ".", "▁Bundes", "tag", "wahl", "en", "▁Stadt", "▁heute", "▁neue", "er",
]
SPM_CHARS = ["▁"] + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöüß")


def spm_pieces():
    """(piece, score, type) in id order; types: 1 normal, 2 unknown, 3 control. Scores are distinct so Viterbi has no ties."""
    assert not set(SPM_WORDS) & set(SPM_CHARS), "a duplicate piece would make ids ambiguous"
    pieces = [("<unk>", 0.0, 2), ("<s>", 0.0, 3), ("</s>", 0.0, 3)]
    for k, word in enumerate(SPM_WORDS):
        pieces.append((word, -2.0 - 0.137 * k, 1))
    for k, ch in enumerate(SPM_CHARS):
        pieces.append((ch, -8.0 - 0.011 * k, 1))
    return pieces


def spm_reference_ids(text, pieces):
    """SentencePiece Unigram: collapse whitespace, '▁' dummy prefix, '▁' for spaces, Viterbi over piece scores;
    an unknown character costs (lowest score - 10), as in sentencepiece's unigram model. Then fairseq ids:
    <s>=0, </s>=2, <unk>=3, every other piece its SentencePiece id + 1."""
    normal = {p: (i, s) for i, (p, s, t) in enumerate(pieces) if t == 1}
    unk_score = min(s for _, s, _ in pieces) - 10.0
    normalized = "▁" + "▁".join(text.split())
    n = len(normalized)
    best = [(-math.inf, None, None)] * (n + 1)  # (score, start, piece id)
    best[0] = (0.0, None, None)
    for end in range(1, n + 1):
        for start in range(end):
            if best[start][0] == -math.inf:
                continue
            piece = normalized[start:end]
            if piece in normal:
                pid, score = normal[piece]
            elif end - start == 1:
                pid, score = 0, unk_score
            else:
                continue
            total = best[start][0] + score
            if total > best[end][0]:
                best[end] = (total, start, pid)
    ids, end = [], n
    while end > 0:
        _, start, pid = best[end]
        ids.append(pid)
        end = start
    ids.reverse()
    return [0] + [3 if i == 0 else i + 1 for i in ids] + [2]


def varint(value):
    value &= (1 << 64) - 1  # negative int32 values are written as 10-byte two's complement
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def field_varint(number, value):
    return varint(number << 3) + varint(value)


def field_bytes(number, data):
    return varint((number << 3) | 2) + varint(len(data)) + data


def field_float(number, value):
    return varint((number << 3) | 5) + struct.pack("<f", value)


def spm_model_bytes(pieces):
    """sentencepiece_model.proto ModelProto, written field by field (the python sentencepiece package is not installed here)."""
    out = bytearray()
    for piece, score, kind in pieces:  # ModelProto.pieces = 1: SentencePiece {piece = 1, score = 2, type = 3}
        out += field_bytes(1, field_bytes(1, piece.encode("utf-8")) + field_float(2, score) + field_varint(3, kind))
    trainer = (
        field_varint(3, 1)  # model_type = UNIGRAM (XLM-R's sentencepiece.bpe.model is a Unigram model despite its name)
        + field_varint(4, len(pieces))  # vocab_size
        + field_varint(35, 0)  # byte_fallback = false
        + field_varint(40, 0) + field_varint(41, 1) + field_varint(42, 2) + field_varint(43, -1)  # unk, bos, eos, pad ids
        + field_bytes(45, b"<unk>") + field_bytes(46, b"<s>") + field_bytes(47, b"</s>") + field_bytes(48, b"<pad>")
    )
    out += field_bytes(2, trainer)
    normalizer = (
        field_bytes(1, b"identity")  # name: no NFKC table, so the tiny model needs no precompiled charsmap
        + field_varint(3, 1)  # add_dummy_prefix
        + field_varint(4, 1)  # remove_extra_whitespaces
        + field_varint(5, 1)  # escape_whitespaces
    )
    out += field_bytes(3, normalizer)
    return bytes(out)


# ---------------------------------------------------------------- output
REFERENCE_TEXTS = [
    "query: Wer ist Kanzler?",
    "passage: Die Regierung in Berlin.",
    "Bundestagswahlen",
    "Die neue Stadt   heute",
]
# Unknown characters. No "€" for WordPiece: Microsoft.ML.Tokenizers drops symbols like it where BERT's own
# tokenizer yields [UNK]; that divergence has its own test (TokenizerTests) instead of a reference case.
WORDPIECE_TEXTS = REFERENCE_TEXTS + ["Xylophon 5"]
SENTENCEPIECE_TEXTS = REFERENCE_TEXTS + ["Xylophon 5 €"]


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def file_entry(folder, name):
    data = open(os.path.join(folder, name), "rb").read()
    return {"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def manifest(folder, model_id, tokenizer, tokenizer_file):
    return {
        "id": model_id,
        "description": "Tiny test model built by scripts/make-tiny-models.py; its vectors mean nothing.",
        "licence": "MIT",
        "dimensions": HIDDEN,
        "pooling": "mean",
        "queryPrefix": "query: ",
        "passagePrefix": "passage: ",
        "maxTokens": MAX_TOKENS,
        "tokenizer": tokenizer,
        "files": [file_entry(folder, "model.onnx"), file_entry(folder, tokenizer_file)],
    }


def main():
    bert_dir = os.path.join(ROOT, "bert")
    vocab = bert_vocab()
    write(os.path.join(bert_dir, "vocab.txt"), ("\n".join(vocab) + "\n").encode("utf-8"))
    write(os.path.join(bert_dir, "model.onnx"), build_model(len(vocab), with_token_types=True).SerializeToString())

    xlmr_dir = os.path.join(ROOT, "xlmr")
    pieces = spm_pieces()
    write(os.path.join(xlmr_dir, "sentencepiece.bpe.model"), spm_model_bytes(pieces))
    # fairseq ids go up to len(pieces) (spm id + 1), so the embedding table needs one row more than the spm vocabulary.
    write(os.path.join(xlmr_dir, "model.onnx"), build_model(len(pieces) + 1, with_token_types=False).SerializeToString())

    for folder, model_id, kind, tokenizer_file in [
        (bert_dir, "tiny-bert", "wordpiece", "vocab.txt"),
        (xlmr_dir, "tiny-xlmr", "sentencepiece", "sentencepiece.bpe.model"),
    ]:
        text = json.dumps(manifest(folder, model_id, kind, tokenizer_file), indent=2, ensure_ascii=False) + "\n"
        write(os.path.join(folder, "manifest.json"), text.encode("utf-8"))

    def cases(texts, tokenize):
        return ",\n".join("    " + json.dumps({"text": t, "ids": tokenize(t)}, ensure_ascii=False) for t in texts)

    reference = (
        '{\n  "source": "scripts/make-tiny-models.py: bert_reference_ids / spm_reference_ids (plain-Python reimplementations)",\n'
        + '  "wordpiece": [\n' + cases(WORDPIECE_TEXTS, lambda t: bert_reference_ids(t, vocab)) + "\n  ],\n"
        + '  "sentencepiece": [\n' + cases(SENTENCEPIECE_TEXTS, lambda t: spm_reference_ids(t, pieces)) + "\n  ]\n}\n"
    )
    json.loads(reference)  # hand-joined, so check it parses
    write(os.path.join(ROOT, "reference-tokens.json"), reference.encode("utf-8"))


if __name__ == "__main__":
    main()
