#!/usr/bin/python3
"""Builds an encoder with multilingual-e5-small's architecture and RANDOM weights, for benchmarks only.

    /usr/bin/python3 scripts/make-random-e5.py OUT_DIR [SENTENCEPIECE_MODEL]

Architecture (XLM-R / BERT encoder, as intfloat/multilingual-e5-small): 250,002-token vocabulary,
hidden 384, 12 layers, 12 heads, intermediate 1536, 514 position rows (fairseq offset 2, so 512 usable
positions), post-LayerNorm blocks, exact GELU (Erf). Graph interface as a Hugging Face export:
int64 input_ids, attention_mask [batch, seq] -> float last_hidden_state [batch, seq, 384].

The weights are random (seeded normal, std 0.02): vectors mean nothing, but the compute per token is
that of the real model, and inference speed does not depend on weight values. fp32, about 470 MB:
written to a gitignored folder at bench time, never committed.

A tokenizer file is needed beside the model for NewsQA's ModelFolder; pass any XLM-R
sentencepiece.bpe.model to copy in (the benchmark uses the tiny test model's: its ids are a subset
of the vocabulary, and benchmarks measure the model, not the tokenizer's vocabulary size).
"""
import json
import os
import shutil
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

VOCAB, HIDDEN, LAYERS, HEADS, FFN, POSITIONS = 250_002, 384, 12, 12, 1536, 514
HEAD = HIDDEN // HEADS
EPS = 1e-5


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20240808)
    inits, nodes = [], []

    def w(name, shape, std=0.02):
        inits.append(numpy_helper.from_array((rng.standard_normal(shape, dtype=np.float32) * std), name))
        return name

    def const(name, values, dtype=np.int64):
        inits.append(numpy_helper.from_array(np.array(values, dtype=dtype), name))
        return name

    def ones(name, n):
        inits.append(numpy_helper.from_array(np.ones(n, dtype=np.float32), name))
        return name

    def zeros(name, n):
        inits.append(numpy_helper.from_array(np.zeros(n, dtype=np.float32), name))
        return name

    def node(op, ins, outs, **attrs):
        nodes.append(helper.make_node(op, ins, outs, **attrs))
        return outs[0]

    def layer_norm(x, prefix):
        return node("LayerNormalization", [x, ones(prefix + ".gamma", HIDDEN), zeros(prefix + ".beta", HIDDEN)], [prefix + ".out"], axis=-1, epsilon=EPS)

    def linear(x, prefix, n_in, n_out):
        m = node("MatMul", [x, w(prefix + ".weight", (n_in, n_out))], [prefix + ".mm"])
        return node("Add", [m, zeros(prefix + ".bias", n_out)], [prefix + ".out"])

    # Embeddings: word + position (rows 2..seq+1, fairseq's offset) + the single token type row, then LayerNorm.
    word = node("Gather", [w("word_embeddings", (VOCAB, HIDDEN)), "input_ids"], ["emb.word"], axis=0)
    shape = node("Shape", ["input_ids"], ["ids.shape"])
    seq = node("Slice", [shape, const("c1", [1]), const("c2", [2])], ["ids.seq"])
    seq_end = node("Add", [seq, const("c2b", [2])], ["ids.seq_end"])
    pos = node("Slice", [w("position_embeddings", (POSITIONS, HIDDEN)), const("c2c", [2]), seq_end, const("c0", [0])], ["emb.pos"])
    x = node("Add", [word, pos], ["emb.wp"])
    x = node("Add", [x, w("token_type_embeddings", (HIDDEN,))], ["emb.sum"])
    x = layer_norm(x, "emb.ln")

    # Additive mask [batch, 1, 1, seq]: 0 for tokens, -10000 for padding.
    mask_f = node("Cast", ["attention_mask"], ["mask.f"], to=TensorProto.FLOAT)
    mask_u = node("Unsqueeze", [mask_f, const("axes12", [1, 2])], ["mask.u"])
    inv = node("Sub", [const("one_f", 1.0, np.float32), mask_u], ["mask.inv"])
    bias = node("Mul", [inv, const("neg", -10000.0, np.float32)], ["mask.bias"])

    split_shape = const("split_shape", [0, 0, HEADS, HEAD])
    merge_shape = const("merge_shape", [0, 0, HIDDEN])
    scale = const("scale", 1.0 / np.sqrt(HEAD), np.float32)
    half = const("half", 0.5, np.float32)
    sqrt2 = const("sqrt2", np.sqrt(2.0), np.float32)
    for i in range(LAYERS):
        p = f"l{i}"
        heads = {}
        for name in ("q", "k", "v"):
            h = linear(x, f"{p}.{name}", HIDDEN, HIDDEN)
            h = node("Reshape", [h, split_shape], [f"{p}.{name}.split"])
            perm = [0, 2, 3, 1] if name == "k" else [0, 2, 1, 3]
            heads[name] = node("Transpose", [h], [f"{p}.{name}.t"], perm=perm)
        scores = node("MatMul", [heads["q"], heads["k"]], [f"{p}.scores"])
        scores = node("Mul", [scores, scale], [f"{p}.scaled"])
        scores = node("Add", [scores, bias], [f"{p}.masked"])
        probs = node("Softmax", [scores], [f"{p}.probs"], axis=-1)
        ctx = node("MatMul", [probs, heads["v"]], [f"{p}.ctx"])
        ctx = node("Transpose", [ctx], [f"{p}.ctx.t"], perm=[0, 2, 1, 3])
        ctx = node("Reshape", [ctx, merge_shape], [f"{p}.ctx.merged"])
        attn = linear(ctx, f"{p}.o", HIDDEN, HIDDEN)
        x = layer_norm(node("Add", [attn, x], [f"{p}.res1"]), f"{p}.ln1")
        h = linear(x, f"{p}.ffn1", HIDDEN, FFN)
        # Exact GELU: 0.5 x (1 + erf(x / sqrt 2)).
        e = node("Erf", [node("Div", [h, sqrt2], [f"{p}.g.div"])], [f"{p}.g.erf"])
        e = node("Add", [e, const(f"{p}.g.one", 1.0, np.float32)], [f"{p}.g.add"])
        h = node("Mul", [node("Mul", [h, e], [f"{p}.g.mul"]), half], [f"{p}.g.out"])
        h = linear(h, f"{p}.ffn2", FFN, HIDDEN)
        x = layer_norm(node("Add", [h, x], [f"{p}.res2"]), f"{p}.ln2")
    node("Identity", [x], ["last_hidden_state"])

    graph = helper.make_graph(
        nodes, "random-multilingual-e5-small",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", HIDDEN])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="newsqa-make-random-e5")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out, "model.onnx"))

    if len(sys.argv) > 2:
        shutil.copy(sys.argv[2], os.path.join(out, "sentencepiece.bpe.model"))
    manifest = {
        "id": "random-e5-small",
        "description": "multilingual-e5-small architecture with RANDOM weights (scripts/make-random-e5.py); for speed benchmarks only.",
        "licence": "MIT", "dimensions": HIDDEN, "pooling": "mean",
        "queryPrefix": "query: ", "passagePrefix": "passage: ", "maxTokens": 512, "tokenizer": "sentencepiece",
        "files": [],
    }
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    # transformers.js (AutoModel) reads config.json and loads onnx/model.onnx.
    config = {"model_type": "xlm-roberta", "architectures": ["XLMRobertaModel"], "vocab_size": VOCAB, "hidden_size": HIDDEN,
              "num_hidden_layers": LAYERS, "num_attention_heads": HEADS, "intermediate_size": FFN,
              "max_position_embeddings": POSITIONS, "pad_token_id": 1, "bos_token_id": 0, "eos_token_id": 2}
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    link = os.path.join(out, "onnx", "model.onnx")
    if not os.path.lexists(link):
        os.symlink(os.path.join("..", "model.onnx"), link)
    print(f"wrote {out}/model.onnx ({os.path.getsize(os.path.join(out, 'model.onnx')) / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
