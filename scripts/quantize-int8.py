#!/usr/bin/python3
"""Dynamic int8 quantization of an fp32 ONNX encoder, weights per output channel (issue 16).

    /usr/bin/python3 scripts/quantize-int8.py IN_MODEL_FOLDER OUT_MODEL_FOLDER

Needs only Debian's python3-onnx and python3-numpy (ONNX Runtime's Python quantization tooling is not
installable here). Copies the model folder (tokenizer files, manifest with "-int8" appended to its id) and
rewrites model.onnx: every MatMul whose second input is a constant 2-D fp32 weight W[K, N] becomes

    A --DynamicQuantizeLinear--> (A_u8, a_scale, a_zero)      one per distinct A (Q, K and V share theirs)
    MatMulInteger(A_u8, W_s8, a_zero, w_zero[N]) -> int32 --Cast--> float
    Mul(that, Mul(a_scale, w_scale[N]))                        -> the MatMul's original output

with W_s8 = round(W / w_scale) per column n, w_scale[n] = max|W[:, n]| / 127 and w_zero = 0 (symmetric, per
channel). Activations are quantized per tensor at run time (uint8, asymmetric: DynamicQuantizeLinear's
definition). This is the node pattern ONNX Runtime's own dynamic quantizer emits for MatMul
(onnxruntime/python/tools/quantization/operators/matmul.py, MatMulInteger path), so ORT's graph optimizer
fuses it into its DynamicQuantizeMatMul kernel (u8 x s8 GEMM; on AVX-512 VNNI, vpdpbusd).

What stays fp32: the attention products (activation x activation), embeddings (Gather), LayerNorm, GELU,
Softmax, and any MatMul not on a constant weight. Deterministic: the same input gives byte-identical output.

--reduce-range quantizes weights to 7 bits (±63), as ORT does for CPUs without VNNI, where u8 x s8 products
can saturate 16-bit intermediate sums (vpmaddubsw); on VNNI hardware it costs accuracy for nothing.
"""
import json
import os
import shutil
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def quantize_weight(w, reduce_range):
    qmax = 63.0 if reduce_range else 127.0
    absmax = np.abs(w).max(axis=0)
    # An all-zero column gets scale 1 (its quantized values are 0 either way) instead of dividing by zero.
    scale = np.where(absmax > 0, absmax / qmax, 1.0).astype(np.float32)
    q = np.clip(np.rint(w / scale), -qmax, qmax).astype(np.int8)
    return q, scale


def quantize_graph(model, reduce_range=False):
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers[name] = consumers.get(name, 0) + 1

    new_nodes, new_inits, dropped = [], [], set()
    quantized_inputs = {}  # activation name -> (u8, scale, zero) from its one DynamicQuantizeLinear
    count = 0
    for node in graph.node:
        weight = inits.get(node.input[1]) if node.op_type == "MatMul" else None
        if weight is None or weight.data_type != TensorProto.FLOAT or len(weight.dims) != 2:
            new_nodes.append(node)
            continue
        count += 1
        a, w_name, out = node.input[0], node.input[1], node.output[0]
        base = f"{out}_q8"
        if a not in quantized_inputs:
            q = (f"{a}_u8", f"{a}_u8_scale", f"{a}_u8_zero")
            new_nodes.append(helper.make_node("DynamicQuantizeLinear", [a], list(q), name=f"{a}_DynamicQuantizeLinear"))
            quantized_inputs[a] = q
        a_u8, a_scale, a_zero = quantized_inputs[a]
        w_q, w_scale = quantize_weight(numpy_helper.to_array(weight), reduce_range)
        new_inits += [
            numpy_helper.from_array(w_q, f"{w_name}_s8"),
            numpy_helper.from_array(w_scale, f"{w_name}_s8_scale"),
            numpy_helper.from_array(np.zeros(w_q.shape[1], dtype=np.int8), f"{w_name}_s8_zero"),
        ]
        new_nodes += [
            helper.make_node("MatMulInteger", [a_u8, f"{w_name}_s8", a_zero, f"{w_name}_s8_zero"], [f"{base}_i32"], name=f"{base}_MatMulInteger"),
            helper.make_node("Cast", [f"{base}_i32"], [f"{base}_f32"], to=TensorProto.FLOAT, name=f"{base}_Cast"),
            helper.make_node("Mul", [a_scale, f"{w_name}_s8_scale"], [f"{base}_scale"], name=f"{base}_ScaleMul"),
            helper.make_node("Mul", [f"{base}_f32", f"{base}_scale"], [out], name=f"{base}_Mul"),
        ]
        consumers[w_name] -= 1
        if consumers[w_name] == 0:
            dropped.add(w_name)

    kept = [i for i in graph.initializer if i.name not in dropped]
    del graph.node[:]
    graph.node.extend(new_nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept + new_inits)
    # MatMulInteger and DynamicQuantizeLinear are opset 10/11 ops; the encoders here are exported at 11+.
    for opset in model.opset_import:
        if opset.domain in ("", "ai.onnx") and opset.version < 11:
            opset.version = 11
    return count


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    src, dst = args
    reduce_range = "--reduce-range" in sys.argv
    model = onnx.load(os.path.join(src, "model.onnx"))
    count = quantize_graph(model, reduce_range)
    if count == 0:
        sys.exit(f"{src}/model.onnx has no MatMul on a constant fp32 weight: nothing to quantize")
    onnx.checker.check_model(model)

    staging = dst.rstrip("/") + ".partial"
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    for name in os.listdir(src):
        if name not in ("model.onnx", "manifest.json") and os.path.isfile(os.path.join(src, name)):
            shutil.copy2(os.path.join(src, name), staging)
    onnx.save(model, os.path.join(staging, "model.onnx"))
    manifest_path = os.path.join(src, "manifest.json")
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
        # A different model id: NewsQA refuses to mix vectors of the fp32 and int8 models in one store.
        manifest["id"] = manifest["id"] + "-int8"
        # "files" lists the source's downloads (URLs, sizes, sha256): they describe other bytes than this model.onnx.
        manifest.pop("files", None)
        manifest["description"] = (manifest.get("description", "") + " Dynamic int8 (weights per channel) by scripts/quantize-int8.py.").strip()
        with open(os.path.join(staging, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=2)
    shutil.rmtree(dst, ignore_errors=True)
    os.rename(staging, dst)
    size = os.path.getsize(os.path.join(dst, "model.onnx"))
    print(f"{dst}/model.onnx: {count} MatMuls quantized (int8 per channel{', 7-bit' if reduce_range else ''}), {size / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
