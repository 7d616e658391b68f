using Qdrant.Client.Grpc;

namespace NewsQA.Storage.Qdrant;

/// <summary>The point operations the store uses, each one resilient call with the options every caller needs.</summary>
public sealed partial class QdrantNewsStore
{
    /// <summary>Waits for the write to be applied, so a read right after sees it (the write order of the class summary depends on it).</summary>
    private Task UpsertPointsAsync(string collection, IReadOnlyList<PointStruct> points, CancellationToken ct) =>
        qdrant.RunAsync("Upsert", (c, t) => c.UpsertAsync(collection, points, wait: true, cancellationToken: t), ct);

    private Task DeletePointsAsync(string collection, Filter filter, CancellationToken ct) =>
        qdrant.RunAsync("Delete", (c, t) => c.DeleteAsync(collection, filter, wait: true, cancellationToken: t), ct);

    private Task<IReadOnlyList<RetrievedPoint>> RetrieveAsync(string collection, IReadOnlyList<Guid> ids, WithPayloadSelector withPayload, CancellationToken ct)
    {
        var pointIds = ids.Select(id => (PointId)id).ToList();
        return qdrant.RunAsync("Get", (c, t) => c.RetrieveAsync(collection, pointIds, withPayload, false, cancellationToken: t), ct);
    }

    private Task<ulong> CountAsync(string collection, Filter? filter, CancellationToken ct) =>
        qdrant.RunAsync("Count", (c, t) => c.CountAsync(collection, filter, exact: true, cancellationToken: t), ct);

    private Task<IReadOnlyList<ScoredPoint>> QueryAsync(Query query, string? usingVector, IReadOnlyList<PrefetchQuery>? prefetch, Filter? filter, int limit, CancellationToken ct) =>
        qdrant.RunAsync(
            "Query",
            (c, t) => c.QueryAsync(Chunks, query, prefetch, usingVector, filter, limit: (ulong)limit, payloadSelector: true, cancellationToken: t),
            ct);

    /// <summary>Several queries in one round trip, results in request order.</summary>
    private Task<IReadOnlyList<BatchResult>> QueryBatchAsync(IReadOnlyList<QueryPoints> queries, CancellationToken ct) =>
        qdrant.RunAsync("QueryBatch", (c, t) => c.QueryBatchAsync(Chunks, queries, cancellationToken: t), ct);
}
