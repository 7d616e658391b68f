using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded;
using static NewsQA.Benchmarks.Measure;

namespace NewsQA.Benchmarks;

/// <summary>Synthetic stores for the memory and start-time measurements: real German chunk texts, random unit vectors.</summary>
internal static class StoreBench
{
    private const int ChunksPerDocument = 10;

    public static async Task<int> MakeStoreAsync(BenchArgs args)
    {
        var chunks = args.Int("chunks", 100_000);
        var dims = args.Int("dims", 384);
        var texts = Corpus.Chunks(Corpus.Documents(args.Get("corpus", Corpus.DefaultPath), 1028));
        using var store = Open(args.Get("data", ".bench/store-100k"));
        await store.Documents.InitializeAsync();
        // The API refuses a store whose vectors came from another model: record the id of the model it will run with.
        await store.EmbeddingModel.RecordEmbeddingModelAsync(args.Get("model-id", "random-e5-small"), dims);
        var random = new Random(11);
        for (var d = 0; d * ChunksPerDocument < chunks; d++)
        {
            var id = $"synthetic-{d:D6}";
            var parts = Enumerable.Range(0, ChunksPerDocument).Select(i => texts[(d * ChunksPerDocument + i) % texts.Count]).ToList();
            var text = string.Join("\n\n", parts);
            var document = new NewsDocument(id, $"Synthetisches Dokument {d}", null, null, "bench", text, $"hash-{d}");
            var indexed = new List<IndexedChunk>();
            var start = 0;
            for (var i = 0; i < parts.Count; i++)
            {
                var chunk = new Chunk($"{id}#{i}", id, i, new TextSpan(start, start + parts[i].Length), parts[i]);
                var terms = parts[i].ToLowerInvariant().Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
                indexed.Add(new IndexedChunk(chunk, terms, SyntheticVectors.Unit(random, dims)));
                start += parts[i].Length + 2;
            }

            await store.Documents.UpsertAsync(document, indexed);
            if (d % 1000 == 0)
            {
                Progress($"make-store: {d * ChunksPerDocument} chunks");
            }
        }

        return 0;
    }

    /// <summary>Resident bytes added by opening a store (the dense matrix, its int8 copy, summaries) per chunk.</summary>
    public static async Task<int> MemoryAsync(BenchArgs args)
    {
        var path = args.Get("data", ".bench/store-100k");
        GC.Collect();
        var before = ResidentBytes();
        using var store = Open(path);
        var seconds = await SecondsAsync(() => store.Documents.InitializeAsync());
        GC.Collect();
        var after = ResidentBytes();
        var stats = await store.Documents.GetStatisticsAsync();
        var dims = stats.EmbeddingDimensions ?? 384;
        long textBytes = 0;
        foreach (var summary in await store.Documents.ListAsync(int.MaxValue, null))
        {
            foreach (var chunk in await store.Documents.GetChunksAsync(summary.Id))
            {
                textBytes += Encoding.UTF8.GetByteCount(chunk.Text);
            }
        }

        var perChunk = (after - before) / (double)stats.Chunks;
        var raw = (dims * 4.0 * stats.Chunks + textBytes) / stats.Chunks;
        var report = new StringBuilder();
        report.AppendLine($"### Memory ({stats.Chunks:N0} chunks, {stats.Documents:N0} documents, dim {dims})");
        report.AppendLine();
        report.AppendLine($"- **Resident bytes per chunk / raw vector + text bytes: {F(perChunk / raw)}** ({F(perChunk, "F0")} B vs {F(raw, "F0")} B: {dims * 4} B float vector + {F(textBytes / (double)stats.Chunks, "F0")} B UTF-8 text). Against the vector alone: {F(perChunk / (dims * 4.0))}.");
        report.AppendLine($"- RSS {F(before / 1e6, "F0")} MB → {F(after / 1e6, "F0")} MB after opening the store (load took {F(seconds)} s in-process). Texts stay in SQLite; memory holds the float matrix, its int8 copy (+{dims + 4} B/chunk) and document summaries.");
        Console.Write(report);
        return 0;
    }

    private static EmbeddedNewsStore Open(string path) =>
        new(Options.Create(new EmbeddedStoreOptions { DataPath = path }), new NewsQA.Core.Search.Analysis.LuceneTermAnalyzer(), NullLogger<EmbeddedNewsStore>.Instance);
}
