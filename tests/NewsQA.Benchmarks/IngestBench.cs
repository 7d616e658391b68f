using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Analysis;
using NewsQA.Core.Chunking;
using NewsQA.Core.Embedding;
using NewsQA.Core.Pipeline;
using NewsQA.Embeddings.Onnx;
using NewsQA.Embeddings.Onnx.Models;
using NewsQA.Storage.Embedded;
using static NewsQA.Benchmarks.Measure;

namespace NewsQA.Benchmarks;

/// <summary>
/// End to end <see cref="IngestPipeline.IngestAsync"/> (clean, chunk, analyze, embed, one SQLite transaction per
/// document) into an embedded store in a temp dir, against embedding alone on the same chunks in one call.
/// </summary>
internal static class IngestBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var folder = ModelFolder.Load(args.Get("model", ".bench/random-e5"));
        var docs = Corpus.Documents(args.Get("corpus", Corpus.DefaultPath), args.Int("articles", 1028));
        var batch = args.Int("batch", new OnnxEmbeddingOptions().BatchSize);
        using var generator = new OnnxEmbeddingGenerator(folder, new OnnxEmbeddingOptions { BatchSize = batch });
        var profile = new EmbeddingProfile(folder.Manifest.Id, generator.Dimensions, folder.Manifest.QueryPrefix, folder.Manifest.PassagePrefix);
        var encoder = new DenseEncoder(generator, profile);
        using var analyzer = new GermanTermAnalyzer();
        var dataPath = Path.Combine(Path.GetTempPath(), "newsqa-bench-ingest-" + Guid.NewGuid().ToString("N"));
        using var store = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = Path.Combine(dataPath, "bulk") }), NullLogger<EmbeddedNewsStore>.Instance);
        using var perDocumentStore = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = Path.Combine(dataPath, "single") }), NullLogger<EmbeddedNewsStore>.Instance);
        await store.InitializeAsync();
        await perDocumentStore.InitializeAsync();
        var pipeline = new IngestPipeline(store, analyzer, Options.Create(new ChunkingOptions()), NullLogger<IngestPipeline>.Instance, encoder);
        var perDocumentPipeline = new IngestPipeline(perDocumentStore, analyzer, Options.Create(new ChunkingOptions()), NullLogger<IngestPipeline>.Instance, encoder);
        var chunks = Corpus.Chunks(docs);
        await encoder.EmbedPassagesAsync(chunks.Take(batch).ToList());

        Progress($"ingest: {docs.Count} articles, {chunks.Count} chunks end to end (bulk: `newsqa ingest`)");
        var endToEnd = await SecondsAsync(async () =>
        {
            await foreach (var outcome in pipeline.IngestManyAsync(docs))
            {
                _ = outcome.Result ?? throw new InvalidOperationException($"{outcome.Input.Id}: {outcome.Error?.Message}");
            }
        });
        Progress($"bulk end to end {endToEnd:F1}s; one document at a time (the API's POST) next");
        var oneByOne = await SecondsAsync(async () =>
        {
            foreach (var doc in docs)
            {
                await perDocumentPipeline.IngestAsync(doc);
            }
        });
        Progress($"one by one {oneByOne:F1}s; embedding only next");
        var embedOnly = await SecondsAsync(() => encoder.EmbedPassagesAsync(chunks));
        var perDocument = await SecondsAsync(async () =>
        {
            foreach (var group in docs.Select(d => Corpus.Chunks([d])))
            {
                await encoder.EmbedPassagesAsync(group);
            }
        });
        Progress($"embed only {embedOnly:F1}s, per document {perDocument:F1}s");
        var stats = await store.GetStatisticsAsync();
        var efficiency = embedOnly / endToEnd;

        var report = new StringBuilder();
        report.AppendLine($"### Ingest ({docs.Count} gnad10k articles, {chunks.Count} chunks, {folder.Manifest.Id}, batch {batch})");
        report.AppendLine();
        report.AppendLine($"- **Pipeline efficiency, bulk ingest (`IngestManyAsync`, what `newsqa ingest` runs; embedding-only time / end-to-end time): {F(efficiency, "F3")}** (target ≥ 0.9).");
        report.AppendLine($"- One document per call (`IngestAsync`, what each API POST runs): efficiency {F(embedOnly / oneByOne, "F3")}; its embedding calls alone (one per article, no store) run at {F(embedOnly / perDocument, "F3")} of bulk embedding speed, and cleaning, chunking, analysis and SQLite (synchronous=FULL) take the other {F(Math.Max(0, oneByOne - perDocument) / oneByOne * 100, "F1")}% of its time, which bulk ingest overlaps with embedding.");
        report.AppendLine($"- Bulk end to end: {F(docs.Count / endToEnd)} articles/s, {F(chunks.Count / endToEnd)} chunks/s ({F(endToEnd, "F1")} s). Embedding alone, all chunks in one call: {F(chunks.Count / embedOnly)} chunks/s ({F(embedOnly, "F1")} s). Store holds {stats.Documents} documents, {stats.Chunks} chunks.");
        Console.Write(report);
        store.Dispose();
        perDocumentStore.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
        return 0;
    }
}
