using System.Text.Json.Nodes;

namespace NewsQA.Storage.Qdrant.Http;

/// <summary>A point to upsert: named vectors (dense float[] and/or <see cref="SparseVector"/>) plus payload.</summary>
internal sealed record PointStruct(Guid Id, IReadOnlyDictionary<string, object> Vector, JsonObject Payload);

internal sealed record UpsertPointsRequest(IReadOnlyList<PointStruct> Points);

internal sealed record SparseVector(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values);

/// <summary>POST /collections/{name}/points/delete with a filter selector.</summary>
internal sealed record DeleteByFilterRequest(Filter Filter);

/// <summary>POST /collections/{name}/points: retrieve points by id.</summary>
internal sealed record RetrievePointsRequest(IReadOnlyList<Guid> Ids, object WithPayload, bool WithVector = false);

/// <summary>POST /collections/{name}/points/scroll: pages in point-id order, <see cref="Offset"/> inclusive.</summary>
internal sealed record ScrollRequest(Filter? Filter, int Limit, object WithPayload, System.Text.Json.JsonElement? Offset = null, bool WithVector = false);

internal sealed record CountRequest(Filter? Filter, bool Exact = true);

/// <summary>
/// POST /collections/{name}/points/query. <see cref="Query"/> is a dense <c>float[]</c>, a <see cref="SparseVector"/>
/// or a <see cref="RrfQuery"/> over <see cref="Prefetch"/>es.
/// </summary>
internal sealed record QueryRequest(
    object Query,
    int Limit,
    string? Using = null,
    Filter? Filter = null,
    IReadOnlyList<Prefetch>? Prefetch = null,
    object? WithPayload = null,
    bool WithVector = false);

internal sealed record Prefetch(object Query, string Using, int Limit, Filter? Filter);

/// <summary><c>{ "rrf": { "k": …, "weights": [...] } }</c>: reciprocal-rank fusion of the prefetches with an explicit k (Qdrant ≥ 1.16), weighted per prefetch (v1.19 OpenAPI <c>Rrf.weights</c>).</summary>
internal sealed record RrfQuery(RrfParameters Rrf);

internal sealed record RrfParameters(int K, IReadOnlyList<double>? Weights = null);

/// <summary><c>{ "exclude": [...] }</c>: drops large fields (a document's text) from a read.</summary>
internal sealed record PayloadExclude(IReadOnlyList<string> Exclude);
