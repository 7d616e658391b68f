using NewsQA.Core.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Embedding;
using NewsQA.Embeddings.Onnx;
using NewsQA.Embeddings.Onnx.Models;
using NewsQA.Storage.Embedded;
using static NewsQA.Benchmarks.Measure;

namespace NewsQA.Benchmarks;

/// <summary>
/// End to end ingest (clean, chunk, analyze, embed, one SQLite transaction per document) into embedded stores in a
/// temp dir, against embedding alone on the same chunks. The four phases run interleaved: the corpus is cut into
/// slices and every slice runs all four, in an order that rotates from slice to slice, so a change in the machine's
/// load during the run falls on every phase alike instead of on whichever phase ran while it lasted (the previous
/// version ran each phase over the whole corpus, minutes apart, and measured the load: 0.40 on a busy machine).
/// </summary>
internal static class IngestBench
{
    private enum Phase { EmbedBulk, IngestBulk, IngestOneByOne, EmbedPerDocument }

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var folder = ModelFolder.Load(args.Get("model", ".bench/random-e5"));
        var docs = Corpus.Documents(args.Get("corpus", Corpus.DefaultPath), args.Int("articles", 1028));
        var batch = args.Int("batch", new OnnxEmbeddingOptions().BatchSize);
        var sliceCount = Math.Clamp(args.Int("slices", 8), 1, docs.Count);
        using var generator = new OnnxEmbeddingGenerator(folder, new OnnxEmbeddingOptions { BatchSize = batch });
        // The encoder as the service builds it, window included: chunks fit the model's tokenizer as on a real ingest.
        var window = OnnxModelLoader.WindowOf(folder);
        var encoder = new QueryAndPassageEmbedder(generator, OnnxModelLoader.ProfileOf(generator, folder), window);
        using var analyzer = new LuceneTermAnalyzer();
        var dataPath = Path.Combine(Path.GetTempPath(), "newsqa-bench-ingest-" + Guid.NewGuid().ToString("N"));
        using var bulkStore = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = Path.Combine(dataPath, "bulk") }), NewsQA.Testing.Contract.StoreTestData.Analyzer, NullLogger<EmbeddedNewsStore>.Instance);
        using var oneByOneStore = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = Path.Combine(dataPath, "single") }), NewsQA.Testing.Contract.StoreTestData.Analyzer, NullLogger<EmbeddedNewsStore>.Instance);
        await bulkStore.Documents.InitializeAsync();
        await oneByOneStore.Documents.InitializeAsync();
        var bulk = new IngestPipeline(bulkStore.Documents, bulkStore.EmbeddingModel, analyzer, Options.Create(new ChunkingOptions()), NullLogger<IngestPipeline>.Instance, encoder, new NewsQaMetrics());
        var oneByOne = new IngestPipeline(oneByOneStore.Documents, oneByOneStore.EmbeddingModel, analyzer, Options.Create(new ChunkingOptions()), NullLogger<IngestPipeline>.Instance, encoder, new NewsQaMetrics());
        var slices = docs.Chunk((docs.Count + sliceCount - 1) / sliceCount).Select(s => new Slice(s, window)).ToList();
        var chunkCount = slices.Sum(s => s.Chunks.Count);
        await encoder.EmbedPassagesAsync([.. slices.SelectMany(s => s.ChunksPerDocument).Take(4).SelectMany(c => c)]); // warm-up: session, arenas, JIT

        var totals = Enum.GetValues<Phase>().ToDictionary(p => p, _ => 0.0);
        var sliceEfficiency = new List<double>();
        Progress($"ingest: {docs.Count} articles, {chunkCount} chunks, {slices.Count} slices, 4 phases each in rotating order");
        for (var i = 0; i < slices.Count; i++)
        {
            var slice = slices[i];
            var seconds = new Dictionary<Phase, double>();
            foreach (var phase in Enum.GetValues<Phase>().Select(p => (Phase)(((int)p + i) % 4)))
            {
                seconds[phase] = await SecondsAsync(() => RunPhaseAsync(phase, slice, bulk, oneByOne, encoder));
                totals[phase] += seconds[phase];
            }

            sliceEfficiency.Add(seconds[Phase.EmbedBulk] / seconds[Phase.IngestBulk]);
            Progress($"slice {i + 1}/{slices.Count}: bulk efficiency {F(sliceEfficiency[^1], "F3")}");
        }

        var stats = await bulkStore.Documents.GetStatisticsAsync();
        var embedOnly = totals[Phase.EmbedBulk];
        var endToEnd = totals[Phase.IngestBulk];
        var single = totals[Phase.IngestOneByOne];
        var perDocument = totals[Phase.EmbedPerDocument];
        sliceEfficiency.Sort();

        var report = new StringBuilder();
        report.AppendLine($"### Ingest ({docs.Count} gnad10k articles, {chunkCount} chunks fitted to the model's window, {folder.Manifest.Id}, batch {batch}; phases interleaved over {slices.Count} slices)");
        report.AppendLine();
        report.AppendLine($"- **Pipeline efficiency, bulk ingest (`IngestManyAsync`, what `newsqa ingest` runs; embedding-only time / end-to-end time): {F(embedOnly / endToEnd, "F3")}** (target ≥ 0.9); per slice {F(sliceEfficiency[0], "F3")} – {F(sliceEfficiency[^1], "F3")}, median {F(Percentile(sliceEfficiency, 50), "F3")}.");
        report.AppendLine($"- **One document per call (`IngestAsync`, what each API POST runs): efficiency against bulk embedding {F(embedOnly / single, "F3")}, against the same per-document embedding calls {F(perDocument / single, "F3")}**; per-document embedding runs at {F(embedOnly / perDocument, "F3")} of bulk embedding speed (smaller batches), and cleaning, chunking, analysis and SQLite (synchronous=FULL, one transaction per document) take the other {F(Math.Max(0, single - perDocument) / single * 100, "F1")}% of its time.");
        report.AppendLine($"- Bulk end to end: {F(docs.Count / endToEnd)} articles/s, {F(chunkCount / endToEnd)} chunks/s ({F(endToEnd, "F1")} s). Embedding alone: {F(chunkCount / embedOnly)} chunks/s ({F(embedOnly, "F1")} s). One by one: {F(docs.Count / single)} articles/s ({F(single, "F1")} s). The bulk store holds {stats.Documents} documents, {stats.Chunks} chunks.");
        Console.Write(report);
        bulkStore.Dispose();
        oneByOneStore.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
        return 0;
    }

    /// <summary>A slice's documents and, cut beforehand so no embedding phase times the chunker, their chunks.</summary>
    private sealed class Slice
    {
        public Slice(DocumentInput[] documents, IPassageWindow window)
        {
            Documents = documents;
            ChunksPerDocument = [.. documents.Select(d => Corpus.Chunks([d], window))];
            Chunks = [.. ChunksPerDocument.SelectMany(c => c)]; // bulk embedding's input: the same chunks in ingest's order
        }

        public DocumentInput[] Documents { get; }

        public List<List<string>> ChunksPerDocument { get; }

        public List<string> Chunks { get; }
    }

    private static async Task RunPhaseAsync(Phase phase, Slice slice, IngestPipeline bulk, IngestPipeline oneByOne, QueryAndPassageEmbedder encoder)
    {
        switch (phase)
        {
            case Phase.EmbedBulk:
                await encoder.EmbedPassagesAsync(slice.Chunks);
                break;
            case Phase.IngestBulk:
                await foreach (var outcome in bulk.IngestManyAsync(slice.Documents))
                {
                    _ = outcome.Result ?? throw new InvalidOperationException($"{outcome.Input.Id}: {outcome.Error?.Message}");
                }

                break;
            case Phase.IngestOneByOne:
                foreach (var doc in slice.Documents)
                {
                    await oneByOne.IngestAsync(doc);
                }

                break;
            case Phase.EmbedPerDocument:
                foreach (var chunks in slice.ChunksPerDocument)
                {
                    await encoder.EmbedPassagesAsync(chunks);
                }

                break;
        }
    }
}
