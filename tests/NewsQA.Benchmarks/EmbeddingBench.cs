using System.Text;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using NewsQA.Embeddings.Onnx;
using NewsQA.Embeddings.Onnx.Models;
using static NewsQA.Benchmarks.Measure;

namespace NewsQA.Benchmarks;

/// <summary>
/// Tokens/s of <see cref="OnnxEmbeddingGenerator"/> (tokenize + pad + run + pool) against a raw
/// <see cref="InferenceSession.Run"/> on the same texts pre-tokenized and batched the same way, plus a sweep of
/// batch size, intra-op threads and padding strategy on the raw path. Writes the chosen id batches as JSON for
/// the transformers.js side (js/embed.mjs), with the raw .NET figure on exactly those batches.
/// </summary>
internal static class EmbeddingBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var folder = ModelFolder.Load(args.Get("model", ".bench/random-e5"));
        var texts = Corpus.Chunks(Corpus.Documents(args.Get("corpus", Corpus.DefaultPath), 400)).Select(t => folder.Manifest.PassagePrefix + t).ToList();
        var headlineCount = args.Int("chunks", 128);
        var sweepCount = args.Int("sweep-chunks", 48);
        var tokenizer = folder.CreateTokenizer();
        var ids = texts.Select(t => tokenizer.Encode(t).ToArray()).ToList();
        var report = new StringBuilder();

        // Sweep on the raw path: what the model itself costs per setting.
        var sweepIds = ids.Take(sweepCount).ToList();
        var sweepTokens = sweepIds.Sum(x => x.Length);
        var rows = new List<(string Setting, double TokensPerSecond)>();
        foreach (var threads in args.Ints("threads", "2,1"))
        {
            using var session = CreateSession(folder.ModelPath, threads);
            RawRun(session, sweepIds.Take(4).ToList(), 4, Padding.Sorted);
            foreach (var batch in threads == 2 ? args.Ints("batches", "1,8,16,32,64") : [16])
            {
                var seconds = RawRun(session, sweepIds, batch, Padding.Sorted);
                rows.Add(($"threads {threads}, batch {batch}, sorted dynamic padding", sweepTokens / seconds));
                Progress($"sweep threads={threads} batch={batch}: {sweepTokens / seconds:F0} tok/s");
            }

            if (threads == 2)
            {
                foreach (var padding in new[] { Padding.Unsorted, Padding.Max })
                {
                    var seconds = RawRun(session, sweepIds, 16, padding);
                    rows.Add(($"threads {threads}, batch 16, {Describe(padding)}", sweepTokens / seconds));
                    Progress($"sweep padding={padding}: {sweepTokens / seconds:F0} tok/s");
                }
            }
        }

        var best = rows.MaxBy(r => r.TokensPerSecond);
        var bestBatch = int.Parse(best.Setting.Split("batch ")[1].Split(',')[0], Inv);

        // Headline: the generator against raw Run on identical texts, interleaved so machine noise hits both.
        var headIds = ids.Take(headlineCount).ToList();
        var headTexts = texts.Take(headlineCount).ToList();
        var headTokens = headIds.Sum(x => x.Length);
        using var raw = CreateSession(folder.ModelPath, 0);
        using var generator = new OnnxEmbeddingGenerator(folder, new OnnxEmbeddingOptions { BatchSize = bestBatch });
        // Warm both over the full set first: ONNX Runtime grows its arenas per new shape on first sight.
        await generator.GenerateAsync(headTexts);
        RawRun(raw, headIds, bestBatch, Padding.Sorted);
        double rawSeconds = 0, genSeconds = 0;
        var reps = args.Int("reps", 2);
        for (var rep = 0; rep < reps; rep++)
        {
            rawSeconds += RawRun(raw, headIds, bestBatch, Padding.Sorted);
            genSeconds += await SecondsAsync(() => generator.GenerateAsync(headTexts));
            Progress($"headline rep {rep}: raw {rawSeconds:F1}s, generator {genSeconds:F1}s");
        }

        var rawTps = headTokens * reps / rawSeconds;
        var genTps = headTokens * reps / genSeconds;
        WriteIdBatches(args.Get("ids-out", ".bench/ids.json"), headIds, headTexts, bestBatch, rawTps, genTps);

        report.AppendLine($"### Embedding throughput ({folder.Manifest.Id})");
        report.AppendLine();
        report.AppendLine($"- **NewsQA embedder / raw `InferenceSession.Run`: {F(genTps / rawTps, "F3")}** (overhead {F((rawTps / genTps - 1) * 100, "F1")}%, target ≤ 10%) on {headlineCount} gnad10k chunks, {headTokens} tokens (mean {F(headTokens / (double)headlineCount, "F0")}/chunk), batch {bestBatch}, {reps} interleaved reps.");
        report.AppendLine($"- Raw: {F(rawTps, "F0")} tokens/s; NewsQA embedder (tokenize + pad + run + mean-pool + normalise): {F(genTps, "F0")} tokens/s.");
        report.AppendLine();
        report.AppendLine($"Sweep (raw `Run`, {sweepCount} chunks, {sweepTokens} tokens; relative to the best):");
        report.AppendLine();
        report.AppendLine("| setting | tokens/s | × best |");
        report.AppendLine("|---|---:|---:|");
        foreach (var (setting, tps) in rows)
        {
            report.AppendLine($"| {setting} | {F(tps, "F0")} | {F(tps / best.TokensPerSecond, "F2")} |");
        }

        report.AppendLine();
        report.AppendLine($"Best: {best.Setting}.");
        Console.Write(report);
        return 0;
    }

    internal enum Padding { Sorted, Unsorted, Max }

    private static string Describe(Padding padding) => padding switch
    {
        Padding.Sorted => "sorted dynamic padding",
        Padding.Unsorted => "unsorted dynamic padding",
        _ => "pad to max length (512)",
    };

    internal static InferenceSession CreateSession(string path, int threads)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        return new InferenceSession(path, options);
    }

    internal static List<int[]> Batches(IReadOnlyList<int[]> ids, int batchSize, bool sorted)
    {
        var order = Enumerable.Range(0, ids.Count);
        var ordered = (sorted ? order.OrderBy(i => ids[i].Length) : order).ToArray();
        return [.. ordered.Chunk(batchSize)];
    }

    /// <summary>Seconds to run every batch; tensors are built before the clock starts (the inputs are pre-tokenized).</summary>
    internal static double RawRun(InferenceSession session, IReadOnlyList<int[]> ids, int batchSize, Padding padding)
    {
        var prepared = Batches(ids, batchSize, padding != Padding.Unsorted).Select(b =>
        {
            var seq = padding == Padding.Max ? 512 : b.Max(i => ids[i].Length);
            var (inputIds, mask) = Pad(b.Select(i => ids[i]).ToList(), seq);
            return (inputIds, mask, Shape: new long[] { b.Length, seq });
        }).ToList();
        // BERT exports (MiniLM, Arctic) also take token_type_ids: all 0 for one segment, as the embedder feeds them.
        var typed = session.InputMetadata.ContainsKey("token_type_ids");
        return Seconds(() =>
        {
            foreach (var (inputIds, mask, shape) in prepared)
            {
                using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
                using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
                using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[inputIds.Length], shape);
                using var runOptions = new RunOptions();
                using var outputs = typed
                    ? session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], ["last_hidden_state"])
                    : session.Run(runOptions, ["input_ids", "attention_mask"], [idsValue, maskValue], ["last_hidden_state"]);
            }
        });
    }

    internal static (long[] Ids, long[] Mask) Pad(IReadOnlyList<int[]> rows, int seq)
    {
        var inputIds = new long[rows.Count * seq];
        var mask = new long[rows.Count * seq];
        Array.Fill(inputIds, 1L);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var t = 0; t < rows[r].Length; t++)
            {
                inputIds[r * seq + t] = rows[r][t];
                mask[r * seq + t] = 1;
            }
        }

        return (inputIds, mask);
    }

    /// <summary>The peers' inputs: id batches for transformers.js (model calls only), the texts themselves for fastembed (which tokenizes).</summary>
    private static void WriteIdBatches(string path, IReadOnlyList<int[]> ids, IReadOnlyList<string> texts, int batchSize, double dotnetRawTokensPerSecond, double dotnetEmbedderTokensPerSecond)
    {
        var batches = Batches(ids, batchSize, sorted: true).Select(b => b.Select(i => ids[i]).ToArray()).ToArray();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(new { batchSize, dotnetRawTokensPerSecond, dotnetEmbedderTokensPerSecond, batches, texts }));
    }
}
