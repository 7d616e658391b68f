using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Diagnostics;
using NewsQA.Core.Documents;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Storage;
using NewsQA.Core.Stories;
using NewsQA.Storage.Embedded;
using static NewsQA.Benchmarks.Measure;

namespace NewsQA.Benchmarks;

/// <summary>
/// The lexical side at archive scale: a deterministic synthetic archive (articles of about 2.5 KB recombined from the
/// sentences of the 1,028 10kGNAD articles, so vocabulary and term statistics are real) ingested lexical-only through
/// the real pipeline into the embedded store, then the XQuAD-de dev questions searched through the store's lexical
/// index, sequentially and from 8 tasks at once. Beside every figure, in the same run: raw Lucene.Net on the same
/// index folder (a plain BM25 disjunction of the same analysed terms over the terms field, default similarity).
/// With <c>--model</c>, the hybrid side instead (<c>ScaleBench.Hybrid.cs</c>).
/// </summary>
internal static partial class ScaleBench
{
    private const int ArticleChars = 2_500;
    private const int Connections = 8;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var articles = args.Int("articles", 20_000);
        var dataPath = args.Get("data", Path.Combine(".bench", $"scale-{articles}"));
        var questions = File.ReadLines(args.Get("questions", Path.Combine(NewsQA.Testing.RepoPaths.TestData, "xquad-de-dev", "questions.jsonl")))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!).ToList();
        if (args.Get("model", "") is { Length: > 0 } model)
        {
            return await HybridAsync(model, articles, dataPath, questions, args.Get("corpus", Corpus.DefaultPath));
        }

        using var analyzer = new LuceneTermAnalyzer();
        var (ingestSeconds, textBytes) = await IngestAsync(dataPath, articles, args.Get("corpus", Corpus.DefaultPath), analyzer, new QueryAndPassageEmbedder());

        // A fresh process would see this: the store opened from disk, its lexical index caught up (nothing to do).
        GC.Collect();
        using var opened = Open(dataPath);
        var startSeconds = await SecondsAsync(() => opened.Documents.InitializeAsync());
        var stats = await opened.Documents.GetStatisticsAsync();
        var terms = questions.Select(q => QueryTerms.Of(analyzer, q)).ToList();

        // Warm-up pass for both, then the measured passes interleaved question by question.
        using var raw = new RawLucene(Path.Combine(dataPath, "lexical"));
        foreach (var t in terms)
        {
            await opened.Lexical.SearchLexicalAsync(t, SearchFilter.None, 10);
            raw.Search(t, 10);
        }

        var storeMs = new List<double>();
        var rawMs = new List<double>();
        foreach (var t in terms)
        {
            storeMs.Add(await SecondsAsync(() => opened.Lexical.SearchLexicalAsync(t, SearchFilter.None, 10)) * 1000);
            rawMs.Add(Seconds(() => raw.Search(t, 10)) * 1000);
        }

        // Process CPU time per search, each side in a pass of its own: on a machine other work shares it says what a
        // search costs where wall time says mostly how long it waited for a core.
        var storeCpu = await CpuMillisecondsPerAsync(terms, t => opened.Lexical.SearchLexicalAsync(t, SearchFilter.None, 10));
        var rawCpu = await CpuMillisecondsPerAsync(terms, t => Task.FromResult(raw.Search(t, 10)));
        var storeRate = await ThroughputAsync(terms, t => opened.Lexical.SearchLexicalAsync(t, SearchFilter.None, 10));
        var rawRate = await ThroughputAsync(terms, t => Task.FromResult(raw.Search(t, 10)));
        // Peak, not a difference of two readings: a collection between them made the difference negative.
        using var self = Process.GetCurrentProcess();
        var peak = self.PeakWorkingSet64;
        var disk = new DirectoryInfo(dataPath).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        var lexicalDisk = new DirectoryInfo(Path.Combine(dataPath, "lexical")).EnumerateFiles().Sum(f => f.Length);

        var report = new StringBuilder();
        report.AppendLine($"### Lexical search at scale ({articles:N0} synthetic articles, {stats.Chunks:N0} chunks, {textBytes / 1e6:F0} MB of UTF-8 text; {questions.Count} XQuAD-de dev questions, top 10)");
        report.AppendLine();
        report.AppendLine("| | NewsQA embedded store (Lucene.Net, LexicalScoring) | raw Lucene.Net, same index, plain BM25 of the terms | ratio |");
        report.AppendLine("|---|---:|---:|---:|");
        PercentileRows(report, "search p{0}, sequential", storeMs, rawMs);

        report.AppendLine($"| CPU per search, sequential | {F(storeCpu)} ms | {F(rawCpu)} ms | {F(storeCpu / rawCpu, "F1")}× |");
        report.AppendLine($"| searches/s, {Connections} tasks | {F(storeRate, "F0")} | {F(rawRate, "F0")} | {F(rawRate / storeRate, "F1")}× |");
        report.AppendLine();
        report.AppendLine($"- **Ingest, lexical only (clean, chunk, analyse, group into stories, SQLite + Lucene): {F(articles / ingestSeconds, "F0")} articles/s** ({F(ingestSeconds, "F1")} s; target ≥ 600).");
        report.AppendLine($"- **On disk / UTF-8 text: {F(disk / (double)textBytes)}** ({F(disk / 1e6, "F0")} MB, of which the Lucene index {F(lexicalDisk / 1e6, "F0")} MB; {F(disk / (double)stats.Chunks, "F0")} B per chunk; target ≤ 2.5).");
        report.AppendLine($"- **Start (open the store, load the mirror, open and check the lexical index): {F(startSeconds)} s**; peak resident memory of the benchmark process (ingest, both indexes open, the searches): {F(peak / 1e6, "F0")} MB.");
        report.AppendLine("- The store's search time is what a request spends in the lexical index (the Lucene query, then the hits' chunks read from SQLite); the API adds request parsing, the question's analysis and the response.");
        Console.Write(report);
        return 0;
    }

    /// <summary>
    /// Ingests the synthetic archive of <paramref name="articles"/> through the real pipeline into a new store at
    /// <paramref name="dataPath"/>, embedding with <paramref name="encoder"/> when it has a model; the seconds it took and
    /// the UTF-8 bytes of the articles' text.
    /// </summary>
    private static async Task<(double Seconds, long TextBytes)> IngestAsync(string dataPath, int articles, string corpus, LuceneTermAnalyzer analyzer, QueryAndPassageEmbedder encoder)
    {
        var inputs = Synthesize(Sentences(Corpus.Documents(corpus, 1028)), articles).ToList();
        var textBytes = inputs.Sum(i => (long)Encoding.UTF8.GetByteCount(i.Text));
        Progress($"scale: ingesting {articles} synthetic articles ({textBytes / 1e6:F0} MB of text){(encoder.IsAvailable ? " with synthetic vectors" : "")}");
        if (System.IO.Directory.Exists(dataPath))
        {
            System.IO.Directory.Delete(dataPath, recursive: true);
        }

        using var store = Open(dataPath);
        await store.Documents.InitializeAsync();
        // Grouped into stories as `newsqa ingest` groups them: the band look-up before each write and the band keys written
        // with it are part of what an article costs and of what the folder holds.
        var stories = new StoryGrouper(store.Stories, Options.Create(new StoryOptions()));
        var pipeline = new IngestPipeline(store.Documents, store.EmbeddingModel, analyzer, Options.Create(new ChunkingOptions()), NullLogger<IngestPipeline>.Instance, encoder, new NewsQaMetrics(), stories);
        var seconds = await SecondsAsync(async () =>
        {
            var done = 0;
            await foreach (var _ in pipeline.IngestManyAsync(inputs))
            {
                if (++done % 5000 == 0)
                {
                    Progress($"scale: {done} ingested");
                }
            }
        });
        return (seconds, textBytes);
    }

    /// <summary>Table rows p50, p90, p99 of two timings with their ratio; <paramref name="label"/> takes the percentile as {0}.</summary>
    private static void PercentileRows(StringBuilder report, string label, List<double> left, List<double> right)
    {
        left.Sort();
        right.Sort();
        foreach (var p in new[] { 50, 90, 99 })
        {
            var (l, r) = (Percentile(left, p), Percentile(right, p));
            report.AppendLine($"| {string.Format(Inv, label, p)} | {F(l)} ms | {F(r)} ms | {F(l / r, "F1")}× |");
        }
    }

    private static EmbeddedNewsStore Open(string dataPath) =>
        new(Options.Create(new EmbeddedStoreOptions { DataPath = dataPath }), new LuceneTermAnalyzer(), NullLogger<EmbeddedNewsStore>.Instance);

    private static async Task<double> CpuMillisecondsPerAsync<T>(IReadOnlyList<IReadOnlyList<string>> terms, Func<IReadOnlyList<string>, Task<T>> search)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        foreach (var t in terms)
        {
            await search(t);
        }

        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds / terms.Count;
    }

    /// <summary>Searches per second from <see cref="Connections"/> tasks at once, each item searched twice.</summary>
    private static async Task<double> ThroughputAsync<TItem, T>(IReadOnlyList<TItem> terms, Func<TItem, Task<T>> search)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        var total = terms.Count * 2;
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                await search(terms[i % terms.Count]);
            }
        })));
        return total / watch.Elapsed.TotalSeconds;
    }

    private static List<string> Sentences(IEnumerable<DocumentInput> documents) =>
        [.. documents.SelectMany(d => d.Text.Split(['\n'], StringSplitOptions.RemoveEmptyEntries))
            .SelectMany(p => p.Split(". ", StringSplitOptions.RemoveEmptyEntries))
            .Select(s => s.Trim().TrimEnd('.') + ".")
            .Where(s => s.Length > 20)];

    /// <summary>Deterministic articles: sentences drawn by a seeded generator into paragraphs of about four sentences.</summary>
    private static IEnumerable<DocumentInput> Synthesize(IReadOnlyList<string> sentences, int count)
    {
        var random = new Random(31);
        string[] sources = ["dpa", "APA", "Reuters", "AFP", "Der Standard", "Kurier"];
        for (var a = 0; a < count; a++)
        {
            var text = new StringBuilder();
            var inParagraph = 0;
            while (text.Length < ArticleChars)
            {
                text.Append(sentences[random.Next(sentences.Count)]).Append(++inParagraph % 4 == 0 ? "\n\n" : " ");
            }

            var title = sentences[random.Next(sentences.Count)];
            yield return new DocumentInput(text.ToString().Trim())
            {
                Id = $"scale-{a:D7}",
                Title = title.Length > 80 ? title[..80] : title,
                Source = sources[a % sources.Length],
                PublishedAt = new PublicationDate(2015 + (a % 10), 1 + (a % 12), 1 + (a % 28)),
            };
        }
    }

    /// <summary>The same index folder read by Lucene.Net alone: default BM25, the terms field, one SHOULD clause per distinct term.</summary>
    private sealed class RawLucene : IDisposable
    {
        private readonly FSDirectory directory;
        private readonly DirectoryReader reader;
        private readonly IndexSearcher searcher;

        public RawLucene(string folder)
        {
            directory = FSDirectory.Open(folder);
            reader = DirectoryReader.Open(directory);
            searcher = new IndexSearcher(reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
        }

        public int Search(IReadOnlyList<string> terms, int top)
        {
            var query = new BooleanQuery();
            foreach (var term in terms.Distinct(StringComparer.Ordinal))
            {
                query.Add(new TermQuery(new Term("terms", term)), Occur.SHOULD);
            }

            var found = searcher.Search(query, top);
            var rows = 0;
            foreach (var hit in found.ScoreDocs)
            {
                rows += searcher.Doc(hit.Doc).GetField("row") is null ? 0 : 1;
            }

            return rows;
        }

        public void Dispose()
        {
            reader.Dispose();
            directory.Dispose();
        }
    }
}
