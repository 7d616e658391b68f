using NewsQA.Storage.Qdrant.Tests.Fake.Wire;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>
/// Qdrant's universal query on the fake, by brute force. Each rule follows a file of Qdrant v1.19.0:
/// <list type="bullet">
/// <item>dense: cosine as the dot product of vectors normalised on insert and query (lib/segment/src/spaces/simple.rs, CosineMetric::preprocess);</item>
/// <item>sparse: dot product, each query dimension weighted by <c>idf = ln((N − n + 0.5)/(n + 0.5) + 1)</c> when the vector has the IDF
/// modifier, N = points with the vector, n = those with the dimension, collection-wide whatever the filter (lib/segment/src/data_types/query_context.rs);</item>
/// <item>fusion: prefetch lists fused by RRF, position_score = 1 / ((pos + 1)/w + k − 1), pos from 0, w = 1 unless weights are given,
/// default k = 2, computed in f32 (lib/segment/src/common/reciprocal_rank_fusion.rs); <c>fusion: RRF</c> uses the default k.</item>
/// </list>
/// Ties, which Qdrant leaves unbroken, break by point id here so the fake is deterministic.
/// </summary>
internal static class FakeQuery
{
    // DEFAULT_RRF_K in lib/segment/src/common/reciprocal_rank_fusion.rs.
    private const uint DefaultRrfK = 2;

    // The default limit of a query or prefetch without one ("Max number of points. Default is 10", points.proto).
    private const ulong DefaultLimit = 10;

    public static List<(FakePoint Point, float Score)> Run(QueryPoints request, FakeSchema schema, IReadOnlyCollection<FakePoint> corpus) =>
        Run(request.Query, request.Prefetch, request.HasUsing ? request.Using : string.Empty, request.Filter, schema, corpus, corpus);

    public static ulong Limit(bool has, ulong limit) => has ? limit : DefaultLimit;

    private static List<(FakePoint Point, float Score)> Run(
        Query? query, IReadOnlyList<PrefetchQuery> prefetches, string name, Filter? filter, FakeSchema schema, IEnumerable<FakePoint> pool, IReadOnlyCollection<FakePoint> corpus)
    {
        var candidates = pool.Where(p => FakeFilter.Matches(filter, p)).ToList();
        if (prefetches.Count > 0)
        {
            var lists = prefetches
                .Select(p => Run(p.Query, p.Prefetch, p.HasUsing ? p.Using : string.Empty, p.Filter, schema, candidates, corpus).Take((int)Limit(p.HasLimit, p.Limit)).ToList())
                .ToList();
            switch (query?.VariantCase)
            {
                case Query.VariantOneofCase.Fusion when query.Fusion == Fusion.Rrf:
                    return Fuse(lists, DefaultRrfK, null);
                case Query.VariantOneofCase.Rrf:
                    return Fuse(lists, query.Rrf.HasK ? query.Rrf.K : DefaultRrfK, query.Rrf.Weights.Count > 0 ? [.. query.Rrf.Weights] : null);
                default:
                    candidates = [.. lists.SelectMany(l => l.Select(x => x.Point)).Distinct()];
                    break;
            }
        }

        if (query is not { VariantCase: Query.VariantOneofCase.Nearest })
        {
            throw FakeErrors.BadInput($"the fake cannot run query {query?.VariantCase}");
        }

        var input = query.Nearest;
        return input.VariantCase switch
        {
            VectorInput.VariantOneofCase.Dense when schema.Dense.TryGetValue(name, out var size) => Dense([.. input.Dense.Data], size, name, candidates),
            VectorInput.VariantOneofCase.Sparse when schema.Sparse.TryGetValue(name, out var idf) => SparseSearch(Sparse(input.Sparse.Indices, input.Sparse.Values), name, idf, candidates, corpus),
            _ => throw FakeErrors.BadInput($"Not existing vector name error: '{name}' for a {input.VariantCase} query"),
        };
    }

    public static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : [.. v.Select(x => x / norm)];
    }

    public static Dictionary<uint, float> Sparse(IReadOnlyList<uint> indices, IReadOnlyList<float> values)
    {
        if (indices.Count != values.Count || indices.Distinct().Count() != indices.Count)
        {
            throw FakeErrors.BadInput("sparse indices must be unique and as many as values");
        }

        return indices.Zip(values).ToDictionary(x => x.First, x => x.Second);
    }

    private static List<(FakePoint, float)> Dense(float[] vector, int size, string name, List<FakePoint> candidates)
    {
        if (vector.Length != size)
        {
            throw FakeErrors.BadInput($"Vector dimension error: expected dim: {size}, got {vector.Length}");
        }

        var q = Normalize(vector);
        return [.. candidates
            .Where(p => p.Dense.ContainsKey(name))
            .Select(p => (p, p.Dense[name].Zip(q).Sum(x => x.First * x.Second)))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.p.Id, StringComparer.Ordinal)];
    }

    private static List<(FakePoint, float)> SparseSearch(Dictionary<uint, float> q, string name, bool idf, List<FakePoint> candidates, IReadOnlyCollection<FakePoint> corpus)
    {
        var stats = corpus.Where(p => p.Sparse.ContainsKey(name)).ToList();
        double n = stats.Count;
        double Weight(uint index)
        {
            if (!idf)
            {
                return 1;
            }

            double df = stats.Count(p => p.Sparse[name].ContainsKey(index));
            return Math.Log(((n - df + 0.5) / (df + 0.5)) + 1);
        }

        var weights = q.Keys.ToDictionary(i => i, Weight);
        return [.. candidates
            .Where(p => p.Sparse.TryGetValue(name, out var s) && q.Keys.Any(s.ContainsKey))
            .Select(p => (p, (float)q.Sum(t => p.Sparse[name].TryGetValue(t.Key, out var w) ? t.Value * w * weights[t.Key] : 0)))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.p.Id, StringComparer.Ordinal)];
    }

    private static List<(FakePoint, float)> Fuse(List<List<(FakePoint Point, float Score)>> lists, uint k, float[]? weights)
    {
        if (weights is not null && weights.Length != lists.Count)
        {
            throw FakeErrors.BadInput($"Number of weights in RRF should match number of pre-fetches: got {weights.Length}, expected {lists.Count}");
        }

        var fused = new Dictionary<FakePoint, float>();
        for (var l = 0; l < lists.Count; l++)
        {
            var weight = weights?[l] ?? 1f;
            for (var pos = 0; pos < lists[l].Count; pos++)
            {
                var score = weight <= 0 ? 0f : 1f / (((pos + 1) / weight) + k - 1f);
                fused[lists[l][pos].Point] = fused.GetValueOrDefault(lists[l][pos].Point) + score;
            }
        }

        return [.. fused.OrderByDescending(x => x.Value).ThenBy(x => x.Key.Id, StringComparer.Ordinal).Select(x => (x.Key, x.Value))];
    }
}

/// <summary>A collection's named vectors: dense name → size, sparse name → whether the IDF modifier is on.</summary>
internal sealed record FakeSchema(Dictionary<string, int> Dense, Dictionary<string, bool> Sparse);
