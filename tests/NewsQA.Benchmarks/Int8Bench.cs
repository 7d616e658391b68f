using System.Text;
using System.Text.Json;
using NewsQA.Core.Search.Embedding;
using NewsQA.Embeddings.Onnx;
using NewsQA.Embeddings.Onnx.Models;
using static NewsQA.Benchmarks.Measure;

namespace NewsQA.Benchmarks;

/// <summary>
/// An fp32 model against its int8 rewrite (scripts/quantize-int8.py) on the same chunks, threads and batching, both
/// through NewsQA's own embedder (<see cref="QueryAndPassageEmbedder"/> over <see cref="OnnxEmbeddingGenerator"/>): tokens/s,
/// the cosine of each int8 vector to its fp32 vector, single-query latency (the query path's bound), tokens/s at
/// one and two intra-op threads and an ONNX Runtime profile per operator for the roofline (scripts/roofline.py
/// reads the JSON this writes).
/// </summary>
internal static class Int8Bench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var fp32 = ModelFolder.Load(args.Get("fp32", ""));
        var int8 = ModelFolder.Load(args.Get("int8", ""));
        var count = args.Int("chunks", 1000);
        var block = args.Int("block", 100);
        var query = args.Get("query", "Wer hat die Wahl in Österreich gewonnen?");
        var tokenizer = fp32.CreateTokenizer();
        var window = new NewsQA.Embeddings.Onnx.Tokenization.TokenizerPassageWindow(tokenizer, fp32.Manifest.PassagePrefix);
        var chunks = Corpus.Chunks(Corpus.Documents(args.Get("corpus", Corpus.DefaultPath), 1028), window).Take(count).ToList();
        var tokens = chunks.Select(c => tokenizer.Encode(fp32.Manifest.PassagePrefix + c).Count).ToList();
        var batch = new OnnxEmbeddingOptions().BatchSize;

        using var genFp32 = new OnnxEmbeddingGenerator(fp32, new OnnxEmbeddingOptions());
        using var genInt8 = new OnnxEmbeddingGenerator(int8, new OnnxEmbeddingOptions());
        var encFp32 = Encoder(genFp32, fp32);
        var encInt8 = Encoder(genInt8, int8);
        await encFp32.EmbedPassagesAsync(chunks.Take(block).ToList());
        await encInt8.EmbedPassagesAsync(chunks.Take(block).ToList());

        // Blocks alternate which model goes first, so load on the shared machine falls on both alike.
        var vFp32 = new List<ReadOnlyMemory<float>>();
        var vInt8 = new List<ReadOnlyMemory<float>>();
        double sFp32 = 0, sInt8 = 0;
        for (var start = 0; start < chunks.Count; start += block)
        {
            var part = chunks.Skip(start).Take(block).ToList();
            IReadOnlyList<ReadOnlyMemory<float>> a = [], b = [];
            var order = (start / block) % 2 == 0;
            for (var k = 0; k < 2; k++)
            {
                if ((k == 0) == order)
                {
                    sFp32 += await SecondsAsync(async () => a = await encFp32.EmbedPassagesAsync(part));
                }
                else
                {
                    sInt8 += await SecondsAsync(async () => b = await encInt8.EmbedPassagesAsync(part));
                }
            }

            vFp32.AddRange(a);
            vInt8.AddRange(b);
            Progress($"int8 {int8.Manifest.Id}: {start + part.Count}/{chunks.Count} chunks, fp32 {sFp32:F1}s, int8 {sInt8:F1}s");
        }

        var cosines = vFp32.Zip(vInt8, (x, y) => (double)System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(x.Span, y.Span)).Order().ToList();
        var totalTokens = tokens.Sum();
        var latFp32 = await QueryLatencyAsync(encFp32, query);
        var latInt8 = await QueryLatencyAsync(encInt8, query);

        // Roofline inputs: one and two intra-op threads on a subset, and a per-operator profile of each model.
        var subset = chunks.Take(args.Int("roofline-chunks", 96)).ToList();
        var subsetTokens = subset.Sum(c => tokenizer.Encode(fp32.Manifest.PassagePrefix + c).Count);
        var threadRows = new List<object>();
        foreach (var threads in new[] { 1, 2 })
        {
            foreach (var (name, folder) in new[] { ("fp32", fp32), ("int8", int8) })
            {
                using var g = new OnnxEmbeddingGenerator(folder, new OnnxEmbeddingOptions { IntraOpThreads = threads });
                var e = Encoder(g, folder);
                await e.EmbedPassagesAsync(subset.Take(batch * 2).ToList());
                var seconds = await SecondsAsync(() => e.EmbedPassagesAsync(subset));
                threadRows.Add(new { threads, model = name, tokensPerSecond = subsetTokens / seconds });
                Progress($"threads {threads} {name}: {subsetTokens / seconds:F0} tok/s");
            }
        }

        var ids = subset.Select(c => tokenizer.Encode(fp32.Manifest.PassagePrefix + c).ToArray()).ToList();
        var batches = EmbeddingBench.Batches(ids, batch, sorted: true);
        var padded = batches.Sum(b => (long)b.Length * b.Max(i => ids[i].Length));
        var rowSeqSquared = batches.Sum(b => (long)b.Length * b.Max(i => ids[i].Length) * b.Max(i => ids[i].Length));
        var profiles = new Dictionary<string, Dictionary<string, double>>
        {
            ["fp32"] = OrtProfile.OperatorMicroseconds(fp32.ModelPath, ids, batches, tokenizer.PaddingId),
            ["int8"] = OrtProfile.OperatorMicroseconds(int8.ModelPath, ids, batches, tokenizer.PaddingId),
        };

        var tpsFp32 = totalTokens / sFp32;
        var tpsInt8 = totalTokens / sInt8;
        var summary = new
        {
            fp32 = fp32.Manifest.Id,
            int8 = int8.Manifest.Id,
            fp32Path = fp32.ModelPath,
            int8Path = int8.ModelPath,
            chunks = chunks.Count,
            tokens = totalTokens,
            tokensPerSecondFp32 = tpsFp32,
            tokensPerSecondInt8 = tpsInt8,
            cosineMean = cosines.Average(),
            cosineMin = cosines[0],
            queryLatencyMsFp32 = latFp32 * 1000,
            queryLatencyMsInt8 = latInt8 * 1000,
            roofline = new { tokens = subsetTokens, paddedTokens = padded, rowSeqSquared, batch, threads = threadRows, profileMicroseconds = profiles },
        };
        var jsonOut = args.Get("json-out", $".bench/int8-{fp32.Manifest.Id}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonOut))!);
        File.WriteAllText(jsonOut, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));

        var report = new StringBuilder();
        report.AppendLine($"### int8 vs fp32: {fp32.Manifest.Id} (real weights) and its dynamic int8 rewrite");
        report.AppendLine();
        report.AppendLine($"- **{fp32.Manifest.Id}: int8 / fp32 tokens/s: {F(tpsInt8 / tpsFp32)}** (target ≥ 2); cosine int8 to fp32 over {chunks.Count} gnad10k chunks: mean {F(cosines.Average(), "F4")}, 1st percentile {F(Percentile(cosines, 1), "F4")}, min {F(cosines[0], "F4")}.");
        report.AppendLine($"- Same {chunks.Count} chunks ({totalTokens} tokens, mean {F(totalTokens / (double)chunks.Count, "F0")}/chunk), NewsQA embedder, batch {batch}, ONNX Runtime's default threads, blocks of {block} alternating: fp32 {F(tpsFp32, "F0")} tokens/s, int8 {F(tpsInt8, "F0")} tokens/s.");
        report.AppendLine($"- One query (\"{query}\", {tokenizer.Encode(fp32.Manifest.QueryPrefix + query).Count} tokens), median of 31: fp32 {F(latFp32 * 1000)} ms, int8 {F(latInt8 * 1000)} ms (int8 / fp32 speed {F(latFp32 / latInt8)}).");
        Console.Write(report);
        return 0;
    }

    internal static QueryAndPassageEmbedder Encoder(OnnxEmbeddingGenerator generator, ModelFolder folder) =>
        new(generator, new EmbeddingProfile(folder.Manifest.Id, generator.Dimensions, folder.Manifest.QueryPrefix, folder.Manifest.PassagePrefix));

    /// <summary>Median seconds of one uncached query embedding (the encoder here has no cache).</summary>
    internal static async Task<double> QueryLatencyAsync(QueryAndPassageEmbedder encoder, string query, int runs = 31)
    {
        for (var i = 0; i < 5; i++)
        {
            await encoder.EmbedQueryAsync(query);
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(await SecondsAsync(() => encoder.EmbedQueryAsync(query)));
        }

        times.Sort();
        return Percentile(times, 50);
    }
}
