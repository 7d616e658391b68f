using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsQA.Core.Diagnostics;

/// <summary>
/// The <c>NewsQA</c> meter and activity source: ingest counts, search and embedder timings. Hosts export
/// them (the API as Prometheus text on <c>/metrics</c>); without a listener every call is a cheap no-op.
/// Created through <see cref="IMeterFactory"/> when the host has one, so meters are scoped to its container.
/// </summary>
public sealed class NewsQaMetrics : IDisposable
{
    public const string Name = "NewsQA";

    /// <summary>Spans for ingest and search; static as .NET recommends for an ActivitySource (it holds no state of ours).</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter meter;
    private readonly bool ownsMeter;
    private readonly Counter<long> documents;
    private readonly Counter<long> chunks;
    private readonly Histogram<double> ingestDuration;
    private readonly Histogram<double> embedDuration;
    private readonly Counter<long> embedFailures;
    private readonly Histogram<double> searchDuration;
    private readonly Counter<long> fallbacks;

    public NewsQaMetrics(IMeterFactory? meterFactory = null)
    {
        ownsMeter = meterFactory is null;
        meter = meterFactory?.Create(Name) ?? new Meter(Name);
        documents = meter.CreateCounter<long>("newsqa.ingest.documents", "{document}", "Documents ingested, by status (created, updated, unchanged, rejected, failed).");
        chunks = meter.CreateCounter<long>("newsqa.ingest.chunks", "{chunk}", "Chunks written by ingestion.");
        ingestDuration = meter.CreateHistogram<double>("newsqa.ingest.duration", "ms", "Time to ingest one document.");
        embedDuration = meter.CreateHistogram<double>("newsqa.embedder.duration", "ms", "Time the embedding model took, by kind (query, passages).");
        embedFailures = meter.CreateCounter<long>("newsqa.embedder.failures", "{failure}", "Embedding calls that failed, by kind.");
        searchDuration = meter.CreateHistogram<double>("newsqa.search.duration", "ms", "Retrieval time, by the mode that ran.");
        fallbacks = meter.CreateCounter<long>("newsqa.search.fallbacks", "{search}", "Hybrid searches answered lexically because the embedder failed.");
    }

    public void Ingested(string status, int chunkCount, double milliseconds)
    {
        var tag = new KeyValuePair<string, object?>("status", status);
        documents.Add(1, tag);
        if (chunkCount > 0 && status is "created" or "updated")
        {
            chunks.Add(chunkCount);
        }

        ingestDuration.Record(milliseconds, tag);
    }

    public void Embedded(string kind, double milliseconds) => embedDuration.Record(milliseconds, new KeyValuePair<string, object?>("kind", kind));

    public void EmbedFailed(string kind) => embedFailures.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Searched(string mode, double milliseconds) => searchDuration.Record(milliseconds, new KeyValuePair<string, object?>("mode", mode));

    public void FellBackToLexical() => fallbacks.Add(1);

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }
}
