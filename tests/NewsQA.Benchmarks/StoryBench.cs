using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Documents;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Stories;
using NewsQA.Storage.Embedded;
using static NewsQA.Benchmarks.Measure;

namespace NewsQA.Benchmarks;

/// <summary>
/// What story grouping adds to ingesting one document in an archive of a given size: the MinHash signature of a real
/// article (10kGNAD) and the candidate look-up in the embedded store's <c>story_bands</c>, as
/// <see cref="StoryGrouper.AssignAsync"/> runs them before a write. The archive's documents get random band keys
/// (written straight into the tables, one transaction): the look-up's cost depends on the number of stored keys, not on
/// what the documents say, and random keys make every look-up a miss, which is what most new articles are.
/// </summary>
internal static class StoryBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var sizes = args.Ints("documents", "25000,250000");
        var probes = Corpus.Documents(args.Get("corpus", Corpus.DefaultPath), args.Int("probes", 500));
        var options = new StoryOptions();
        Console.WriteLine("| stored documents | stored band keys | grouping per new document, median | p95 |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var dataPath = Path.Combine(".bench", $"stories-{size}");
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }

            var storeOptions = new EmbeddedStoreOptions { DataPath = dataPath };
            using (var store = new EmbeddedNewsStore(Options.Create(storeOptions), new LuceneTermAnalyzer(), NullLogger<EmbeddedNewsStore>.Instance))
            {
                await store.Documents.InitializeAsync();
            }

            Progress($"stories: writing {size} documents with random band keys");
            Fill(storeOptions.DatabaseFile, size, options.Bands);
            using (var store = new EmbeddedNewsStore(Options.Create(storeOptions), new LuceneTermAnalyzer(), NullLogger<EmbeddedNewsStore>.Instance))
            {
                await store.Documents.InitializeAsync();
                var grouper = new StoryGrouper(store.Stories, Options.Create(options));
                var times = new List<double>(probes.Count);
                foreach (var input in probes)
                {
                    var document = new NewsDocument("probe", "t", null, null, null, input.Text, "h");
                    var watch = Stopwatch.StartNew();
                    await grouper.AssignAsync(document);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                // The first look-ups warm SQLite's page cache and the JIT: the steady state is what ingest sees.
                var steady = times.Skip(times.Count / 10).Order().ToList();
                Console.WriteLine(string.Create(Inv, $"| {size:N0} | {size * (long)options.Bands:N0} | {Percentile(steady, 50):F3} ms | {Percentile(steady, 95):F3} ms |"));
            }

            Directory.Delete(dataPath, recursive: true);
        }

        return 0;
    }

    private static void Fill(string file, int documents, int bands)
    {
        var random = new Random(34);
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var doc = connection.CreateCommand();
        doc.Transaction = tx;
        doc.CommandText = "INSERT INTO documents (id, title, text, content_hash, chunk_count, updated_at, language, story_id, story_signature) VALUES ($id, 't', 'x', 'h', 1, '2025-01-01', 'de', $id, $sig)";
        var id = doc.Parameters.Add("$id", SqliteType.Text);
        var sig = doc.Parameters.Add("$sig", SqliteType.Blob);
        using var band = connection.CreateCommand();
        band.Transaction = tx;
        band.CommandText = "INSERT INTO story_bands (band, hash, document) VALUES ($band, $hash, $id)";
        var b = band.Parameters.Add("$band", SqliteType.Integer);
        var h = band.Parameters.Add("$hash", SqliteType.Integer);
        var bandDoc = band.Parameters.Add("$id", SqliteType.Text);
        var signature = new byte[bands * 2 * sizeof(ulong)];
        for (var d = 0; d < documents; d++)
        {
            random.NextBytes(signature);
            id.Value = bandDoc.Value = $"doc-{d}";
            sig.Value = signature;
            doc.ExecuteNonQuery();
            for (var i = 0; i < bands; i++)
            {
                b.Value = i;
                h.Value = random.NextInt64(long.MinValue, long.MaxValue);
                band.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }
}
