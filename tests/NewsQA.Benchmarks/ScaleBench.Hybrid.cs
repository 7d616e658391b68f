using System.Text;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Storage;
using NewsQA.Embeddings.Onnx;
using NewsQA.Embeddings.Onnx.Models;
using static NewsQA.Benchmarks.Measure;

namespace NewsQA.Benchmarks;

internal static partial class ScaleBench
{
    /// <summary>
    /// Hybrid search at archive scale: the same synthetic archive ingested through the real pipeline with random unit
    /// vectors recorded as the model's (embedding a million chunks would take this machine days), then every question
    /// embedded by the model and ranked by both halves as the Retriever asks them (dense and lexical at once, each for
    /// the fusion's candidates). Beside every figure: the question's embedding alone, the part no store can save, so the
    /// table says how much of a hybrid request the store adds.
    /// </summary>
    private static async Task<int> HybridAsync(string modelPath, int articles, string dataPath, IReadOnlyList<string> questions, string corpus)
    {
        var folder = ModelFolder.Load(modelPath);
        using var generator = new OnnxEmbeddingGenerator(folder, new OnnxEmbeddingOptions());
        var profile = OnnxModelLoader.ProfileOf(generator, folder);
        var window = OnnxModelLoader.WindowOf(folder);
        using var analyzer = new LuceneTermAnalyzer();
        double ingestSeconds;
        long textBytes;
        using (var synthetic = new SyntheticEmbeddingGenerator(profile.Dimensions, seed: 31))
        {
            // The model's window cuts the chunks, as a real ingest with this model would; only the vectors are synthetic.
            (ingestSeconds, textBytes) = await IngestAsync(dataPath, articles, corpus, analyzer, new QueryAndPassageEmbedder(synthetic, profile, window));
        }

        GC.Collect();
        using var opened = Open(dataPath);
        var startSeconds = await SecondsAsync(() => opened.Documents.InitializeAsync());
        var stats = await opened.Documents.GetStatisticsAsync();
        var encoder = new QueryAndPassageEmbedder(generator, profile, window);
        var candidates = new FusionOptions().CandidatesFor(10);
        var terms = questions.Select(q => QueryTerms.Of(analyzer, q)).ToList();
        var items = Enumerable.Range(0, questions.Count).ToList();

        Task<ReadOnlyMemory<float>> Embed(int i) => encoder.EmbedQueryAsync(questions[i]);
        Task<IReadOnlyList<ChunkHit>[]> Rank(int i, ReadOnlyMemory<float> vector) => Task.WhenAll(
            opened.Vectors.SearchDenseAsync(vector, SearchFilter.None, candidates),
            opened.Lexical.SearchLexicalAsync(terms[i], SearchFilter.None, candidates));
        async Task<IReadOnlyList<ChunkHit>[]> Request(int i) => await Rank(i, await Embed(i));

        // Warm-up, then each question's parts timed one after the other.
        var vectors = new List<ReadOnlyMemory<float>>();
        foreach (var i in items)
        {
            vectors.Add(await Embed(i));
            await Rank(i, vectors[i]);
        }

        List<double> embedMs = [], storeMs = [], denseMs = [], lexicalMs = [], requestMs = [];
        foreach (var i in items)
        {
            embedMs.Add(await SecondsAsync(() => Embed(i)) * 1000);
            storeMs.Add(await SecondsAsync(() => Rank(i, vectors[i])) * 1000);
            denseMs.Add(await SecondsAsync(() => opened.Vectors.SearchDenseAsync(vectors[i], SearchFilter.None, candidates)) * 1000);
            lexicalMs.Add(await SecondsAsync(() => opened.Lexical.SearchLexicalAsync(terms[i], SearchFilter.None, candidates)) * 1000);
            requestMs.Add(await SecondsAsync(() => Request(i)) * 1000);
        }

        var requestRate = await ThroughputAsync(items, Request);
        var embedRate = await ThroughputAsync(items, Embed);
        var storeShare = storeMs.Sum() / requestMs.Sum();
        var disk = new DirectoryInfo(dataPath).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        foreach (var list in new[] { storeMs, denseMs, lexicalMs })
        {
            list.Sort();
        }

        var report = new StringBuilder();
        report.AppendLine($"### Hybrid search at scale ({articles:N0} synthetic articles, {stats.Chunks:N0} chunks, random unit vectors recorded as {profile.ModelId}; each of the {questions.Count} XQuAD-de dev questions embedded by {profile.ModelId}, then both rankings at once, {candidates} candidates each)");
        report.AppendLine();
        report.AppendLine("| | hybrid request (embed, then both rankings) | the question's embedding alone | ratio |");
        report.AppendLine("|---|---:|---:|---:|");
        PercentileRows(report, "p{0}, sequential", requestMs, embedMs);

        report.AppendLine($"| searches/s, {Connections} tasks | {F(requestRate, "F0")} | {F(embedRate, "F0")} | {F(embedRate / requestRate, "F1")}× |");
        report.AppendLine();
        report.AppendLine($"- **Store share of a hybrid request (sum of the store's time / sum of the requests', sequential): {F(storeShare * 100, "F0")} %** (target ≤ 25 %); the store's p50 {F(Percentile(storeMs, 50))} ms, of it the dense scan alone p50 {F(Percentile(denseMs, 50))} ms (p99 {F(Percentile(denseMs, 99))} ms) and the lexical ranking alone p50 {F(Percentile(lexicalMs, 50))} ms (p99 {F(Percentile(lexicalMs, 99))} ms).");
        report.AppendLine($"- Ingest with synthetic vectors (clean, chunk to the model's window, analyse, group into stories, SQLite + Lucene + the vectors; no model time): {F(articles / ingestSeconds, "F0")} articles/s; on disk / UTF-8 text {F(disk / (double)textBytes)}; start (the dense mirror loaded too) {F(startSeconds)} s.");
        Console.Write(report);
        return 0;
    }
}
