using NewsQA.Core.Storage;
using Qdrant.Client.Grpc;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// The point operations the store's parts use, each one resilient call with the options every caller needs, and the
/// reads they share: document records, and search results checked against them.
/// </summary>
internal sealed class QdrantPoints(QdrantCalls qdrant, QdrantStoreOptions settings)
{
    private const int ScrollPage = 256;

    /// <summary>Payloads without the text, which only <c>GetAsync</c> needs.</summary>
    public static WithPayloadSelector WithoutText => new() { Exclude = new PayloadExcludeSelector { Fields = { QdrantPayload.Text } } };

    private string Documents => settings.DocumentsCollection;

    private string Chunks => settings.ChunksCollection;

    /// <summary>A point with a payload and, until vectors are set, none: document records and the model record.</summary>
    public static PointStruct Point(Guid id, Dictionary<string, Value> payload)
    {
        var point = new PointStruct { Id = id, Vectors = new Vectors { Vectors_ = new NamedVectors() } };
        point.Payload.Add(payload);
        return point;
    }

    /// <summary>
    /// A few more than asked for, so that chunks dropped by the content-hash check (only while a document is being
    /// updated) rarely leave the page short.
    /// </summary>
    public static int Overfetch(int top) => top + Math.Min(top, 10);

    /// <summary>Waits for the write to be applied, so a read right after sees it (the write order of <see cref="QdrantDocumentStore"/> depends on it).</summary>
    public Task UpsertAsync(string collection, IReadOnlyList<PointStruct> points, CancellationToken ct) =>
        qdrant.RunAsync("Upsert", (c, t) => c.UpsertAsync(collection, points, wait: true, cancellationToken: t), ct);

    public Task DeleteAsync(string collection, Filter filter, CancellationToken ct) =>
        qdrant.RunAsync("Delete", (c, t) => c.DeleteAsync(collection, filter, wait: true, cancellationToken: t), ct);

    public Task<IReadOnlyList<RetrievedPoint>> RetrieveAsync(string collection, IReadOnlyList<Guid> ids, WithPayloadSelector withPayload, CancellationToken ct)
    {
        var pointIds = ids.Select(id => (PointId)id).ToList();
        return qdrant.RunAsync("Get", (c, t) => c.RetrieveAsync(collection, pointIds, withPayload, false, cancellationToken: t), ct);
    }

    public Task<ulong> CountAsync(string collection, Filter? filter, CancellationToken ct) =>
        qdrant.RunAsync("Count", (c, t) => c.CountAsync(collection, filter, exact: true, cancellationToken: t), ct);

    public Task<IReadOnlyList<ScoredPoint>> QueryAsync(Query query, string? usingVector, IReadOnlyList<PrefetchQuery>? prefetch, Filter? filter, int limit, CancellationToken ct) =>
        qdrant.RunAsync(
            "Query",
            (c, t) => c.QueryAsync(Chunks, query, prefetch, usingVector, filter, limit: (ulong)limit, payloadSelector: true, cancellationToken: t),
            ct);

    /// <summary>Several queries in one round trip, results in request order.</summary>
    public Task<IReadOnlyList<BatchResult>> QueryBatchAsync(IReadOnlyList<QueryPoints> queries, CancellationToken ct) =>
        qdrant.RunAsync("QueryBatch", (c, t) => c.QueryBatchAsync(Chunks, queries, cancellationToken: t), ct);

    public async Task<List<IDictionary<string, Value>>> ScrollAllAsync(string collection, Filter? filter, WithPayloadSelector withPayload, CancellationToken ct)
    {
        var all = new List<IDictionary<string, Value>>();
        PointId? offset = null;
        do
        {
            var from = offset;
            var page = await qdrant.RunAsync("Scroll", (c, t) => c.ScrollAsync(collection, filter, ScrollPage, from, withPayload, cancellationToken: t), ct).ConfigureAwait(false);
            all.AddRange(page.Result.Select(p => (IDictionary<string, Value>)p.Payload));
            offset = page.NextPageOffset;
        }
        while (offset is not null);

        return all;
    }

    public async Task<IDictionary<string, Value>?> ReadDocumentAsync(string documentId, WithPayloadSelector withPayload, CancellationToken ct)
    {
        var points = await RetrieveAsync(Documents, [PointIds.Document(documentId)], withPayload, ct).ConfigureAwait(false);
        return points is [{ } point, ..] ? point.Payload : null;
    }

    /// <summary>
    /// The hits among <paramref name="points"/> (at most <paramref name="top"/>, in order) whose chunk belongs to the
    /// committed version of its document, each with the document's record: see <see cref="QdrantDocumentStore"/> for the write order.
    /// </summary>
    public async Task<IReadOnlyList<ChunkHit>> CommittedHitsAsync(IReadOnlyList<ScoredPoint> points, int top, CancellationToken ct)
    {
        var withPayload = points.Where(p => QdrantPayload.Get(p.Payload, QdrantPayload.DocumentId) is not null).ToList();
        var documents = await ReadDocumentsAsync(withPayload.Select(p => QdrantPayload.Get(p.Payload, QdrantPayload.DocumentId)!), ct).ConfigureAwait(false);

        var hits = new List<ChunkHit>(Math.Min(top, withPayload.Count));
        foreach (var point in withPayload)
        {
            var payload = point.Payload;
            // Only chunks of the committed version count.
            if (documents.TryGetValue(QdrantPayload.Get(payload, QdrantPayload.DocumentId)!, out var record)
                && QdrantPayload.Get(record, QdrantPayload.ContentHash) == QdrantPayload.Get(payload, QdrantPayload.ContentHash))
            {
                hits.Add(new ChunkHit(QdrantPayload.ToChunk(payload), QdrantPayload.ToSummary(record), Math.Round((double)point.Score, 6)));
                if (hits.Count == top)
                {
                    break;
                }
            }
        }

        return hits;
    }

    /// <summary>Document records (without text) by id, to attach to hits and to check the hits' content hashes.</summary>
    private async Task<Dictionary<string, IDictionary<string, Value>>> ReadDocumentsAsync(IEnumerable<string> documentIds, CancellationToken ct)
    {
        var ids = documentIds.Distinct(StringComparer.Ordinal).Select(PointIds.Document).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var points = await RetrieveAsync(Documents, ids, WithoutText, ct).ConfigureAwait(false);
        return points.Where(p => QdrantPayload.Get(p.Payload, QdrantPayload.DocumentId) is not null)
            .ToDictionary(p => QdrantPayload.Get(p.Payload, QdrantPayload.DocumentId)!, p => (IDictionary<string, Value>)p.Payload, StringComparer.Ordinal);
    }
}
