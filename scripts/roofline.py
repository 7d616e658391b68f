#!/usr/bin/python3
"""Roofline of the embedder (issue 16): FLOPs per token counted from the ONNX graph against this machine's
measured compute peak, and where the time goes.

    /usr/bin/python3 scripts/roofline.py PEAK_1T PEAK_2T INT8_JSON [INT8_JSON ...]

PEAK_nT: the output of tests/NewsQA.Benchmarks/peak/peak.c with n threads ("fp32_gflops X", "int8_gops Y").
INT8_JSON: what `NewsQA.Benchmarks int8` wrote: the fp32 and int8 model paths, tokens/s at 1 and 2 intra-op
threads on a chunk subset, that subset's real and padded token counts, and an ONNX Runtime per-operator profile.

Counting, from the fp32 graph: every MatMul on a constant 2-D weight W[K, N] costs 2*K*N FLOPs per token it
runs on (padding included: the model computes padded rows too); each activation x activation MatMul (QK^T and
attention x V, two per layer) costs 2*seq*H per token of a sequence of length seq, H = its hidden width (the
weight's K). LayerNorm, GELU, Softmax and adds are left out (a few % of the FLOPs, none of them GEMMs). Prints a
Markdown section.
"""
import json
import sys

import onnx


def read_peak(path):
    values = {}
    with open(path) as f:
        for line in f:
            key, value = line.split()
            # "isa" names the instructions peak.c was built for (avx512-vnni, avx-vnni or avx2); the rest are numbers.
            values[key] = value if key == "isa" else float(value)
    return values


def count(model_path):
    model = onnx.load(model_path, load_external_data=False)
    inits = {i.name: i for i in model.graph.initializer}
    weight_macs, attention_products, hidden = 0, 0, 0
    for node in model.graph.node:
        if node.op_type != "MatMul":
            continue
        w = inits.get(node.input[1])
        if w is not None and len(w.dims) == 2:
            weight_macs += w.dims[0] * w.dims[1]
            hidden = hidden or w.dims[0]
        else:
            attention_products += 1
    return weight_macs, attention_products, hidden


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    peaks = {1: read_peak(sys.argv[1]), 2: read_peak(sys.argv[2])}
    print("### Roofline: FLOPs per token from the graph vs this machine's measured peak")
    print()
    isa = peaks[1].get("isa", "avx512-vnni")
    int8_kernel = "vpmaddubsw + vpmaddwd + vpaddd, no VNNI on this CPU" if isa == "avx2" else "vpdpbusd"
    print(f"Peak (tests/NewsQA.Benchmarks/peak/peak.c built for {isa}, register-only loops, best of 3): fp32 FMA {peaks[1]['fp32_gflops']:.0f} GFLOP/s on 1 thread, "
          f"{peaks[2]['fp32_gflops']:.0f} on 2; int8 u8×s8 ({int8_kernel}) {peaks[1]['int8_gops']:.0f} GOP/s on 1 thread, {peaks[2]['int8_gops']:.0f} on 2; "
          f"int8 / fp32 peak: {peaks[2]['int8_gops'] / peaks[2]['fp32_gflops']:.2f} (the most int8 weight GEMMs can gain here).")
    print()
    rows = []
    for path in sys.argv[3:]:
        with open(path) as f:
            d = json.load(f)
        macs, products, hidden = count(d["fp32Path"])
        r = d["roofline"]
        tokens, padded, seq2 = r["tokens"], r["paddedTokens"], r["rowSeqSquared"]
        gemm = 2.0 * macs * padded                    # weight GEMMs over the pass, FLOPs
        attention = products * 2.0 * hidden * seq2    # QK^T and AV over the pass
        useful_per_token = 2.0 * macs                 # what a token costs without padding or attention
        per_token = (gemm + attention) / tokens
        tps = {(t["threads"], t["model"]): t["tokensPerSecond"] for t in r["threads"]}
        for model in ("fp32", "int8"):
            for threads in (1, 2):
                seconds = tokens / tps[(threads, model)]
                p = peaks[threads]
                # Fastest this pass could run at peak: fp32 model all on FMA; int8 model's weight GEMMs on the int8 peak, attention on FMA.
                floor = (gemm + attention) / (p["fp32_gflops"] * 1e9) if model == "fp32" else gemm / (p["int8_gops"] * 1e9) + attention / (p["fp32_gflops"] * 1e9)
                rows.append((d["fp32"], model, threads, tps[(threads, model)], per_token * tps[(threads, model)] / 1e9, floor / seconds))
        prof = r["profileMicroseconds"]
        share = {}
        for model in ("fp32", "int8"):
            total = sum(prof[model].values())
            share[model] = (total, {k: v / total for k, v in prof[model].items()})
        int8_total, int8_share = share["int8"]
        weight_ops = ("DynamicQuantizeMatMul", "MatMulIntegerToFloat", "DynamicQuantizeLinear", "MatMulInteger")
        attention_ops = ("FusedMatMul", "MatMul", "Softmax")
        w_share = sum(int8_share.get(k, 0) for k in weight_ops)
        a_share = sum(int8_share.get(k, 0) for k in attention_ops)
        print(f"**{d['fp32']}**: {macs * 2 / 1e6:.1f} MFLOP per token in weight GEMMs ({macs / 1e6:.1f} M multiply-adds), "
              f"plus {products} attention products ({products // 2} layers, H = {hidden}); on the profiled {tokens} tokens (padded to {padded}, "
              f"+{(padded / tokens - 1) * 100:.1f}% padding) the attention products are {attention / (gemm + attention) * 100:.1f}% of the "
              f"{per_token / 1e6:.1f} MFLOP executed per real token.")
        print()
        top = sorted(int8_share.items(), key=lambda kv: -kv[1])[:6]
        print(f"- int8 time by operator (ONNX Runtime profiler, 2 threads): weight GEMMs (DynamicQuantizeMatMul/MatMulIntegerToFloat, int8) "
              f"**{w_share * 100:.0f}%**, attention products and Softmax (fp32) **{a_share * 100:.0f}%**, the rest {(1 - w_share - a_share) * 100:.0f}% "
              f"(top: {', '.join(f'{k} {v * 100:.0f}%' for k, v in top)}). fp32 profile: "
              f"{', '.join(f'{k} {v * 100:.0f}%' for k, v in sorted(share['fp32'][1].items(), key=lambda kv: -kv[1])[:4])}.")
        wt = int8_total * w_share / 1e6
        if wt > 0:
            print(f"- Inside the int8 weight GEMMs ONNX Runtime reached {gemm / wt / 1e9:.0f} GOP/s = **{gemm / wt / 1e9 / peaks[2]['int8_gops']:.2f} of the 2-thread int8 peak** "
                  f"(profiled pass; a run under the profiler is somewhat slower than without).")
        # fp32's MatMul bucket holds the weight GEMMs and the attention x V products; int8's holds only the latter (same
        # op, same shapes), so the difference is the fp32 weight-GEMM time, comparable with int8's quantized GEMMs.
        f_total, f_share = share["fp32"]
        f_gemm = prof["fp32"].get("MatMul", 0) - prof["int8"].get("MatMul", 0)
        i_gemm = sum(prof["int8"].get(k, 0) for k in weight_ops)
        if f_gemm > 0 and i_gemm > 0:
            rest = f_total - f_gemm
            print(f"- Weight GEMMs alone run **{f_gemm / i_gemm:.2f}× faster in int8** ({f_gemm / 1e6:.2f} s → {i_gemm / 1e6:.2f} s); everything else "
                  f"(attention products, Softmax, LayerNorm, GELU, adds: {rest / f_total * 100:.0f}% of fp32 time) stays fp32, so even free GEMMs would cap "
                  f"the model's int8/fp32 speed-up at {f_total / rest:.2f}× (Amdahl), and at this GEMM speed-up it is {f_total / int8_total:.2f}× under the profiler.")
        ft = f_total * sum(f_share.get(k, 0) for k in ("MatMul", "FusedMatMul", "Gemm")) / 1e6
        if ft > 0:
            print(f"- Inside fp32 GEMMs (MatMul, FusedMatMul): {(gemm + attention) / ft / 1e9:.0f} GFLOP/s = **{(gemm + attention) / ft / 1e9 / peaks[2]['fp32_gflops']:.2f} of the 2-thread FMA peak**.")
        print()
    print("| model | weights | threads | tokens/s | GFLOP/s executed | fraction of peak (time at peak / time taken) |")
    print("|---|---|---:|---:|---:|---:|")
    for name, model, threads, t, gflops, fraction in rows:
        print(f"| {name} | {model} | {threads} | {t:.0f} | {gflops:.1f} | {fraction:.2f} |")
    print()
    best = max((r for r in rows if r[1] == "int8" and r[2] == 2), key=lambda r: r[5], default=None)
    if best:
        print(f"- **Embedder's fraction of peak, int8, 2 threads ({best[0]}): {best[5]:.2f}**; fp32: "
              + ", ".join(f"{r[0]} {r[5]:.2f}" for r in rows if r[1] == "fp32" and r[2] == 2) + ".")


if __name__ == "__main__":
    main()
