using System.Text.Json.Nodes;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>
/// Qdrant's universal query on the fake, by brute force: nearest dense (cosine of normalised vectors), nearest
/// sparse (dot product, each dimension weighted by <c>idf = ln(1 + (N − n + 0.5)/(n + 0.5))</c> when the vector has
/// <c>modifier: idf</c>, N = points with the vector, n = those with the dimension), and prefetches fused with
/// <c>{ "fusion": "rrf" }</c> or <c>{ "rrf": { "k": … } }</c> as Σ 1/(k + rank), default k = 2 and ranks from 0, over each prefetch's list.
/// </summary>
internal static class FakeQuery
{
    // Qdrant's DEFAULT_RRF_K (lib/segment/src/common/reciprocal_rank_fusion.rs).
    private const int DefaultRrfK = 2;

    public static List<(FakePoint Point, double Score)> Run(JsonObject request, IReadOnlyCollection<FakePoint> corpus, IReadOnlyDictionary<string, int> dense, IReadOnlyDictionary<string, bool> sparse) =>
        Run(request, corpus, corpus, dense, sparse);

    private static List<(FakePoint Point, double Score)> Run(JsonObject request, IEnumerable<FakePoint> pool, IReadOnlyCollection<FakePoint> corpus, IReadOnlyDictionary<string, int> dense, IReadOnlyDictionary<string, bool> sparse)
    {
        var candidates = pool.Where(p => FakeFilter.Matches(request["filter"], p)).ToList();
        var prefetches = request["prefetch"] switch
        {
            JsonArray array => array.Select(p => p!.AsObject()).ToList(),
            JsonObject single => [single],
            _ => [],
        };

        var query = request["query"];
        if (prefetches.Count > 0)
        {
            var lists = prefetches.Select(p => Run(p, candidates, corpus, dense, sparse).Take(p["limit"]?.GetValue<int>() ?? 10).ToList()).ToList();
            if (query is JsonObject { } fusion && fusion["fusion"]?.GetValue<string>() is "rrf")
            {
                return Fuse(lists, DefaultRrfK);
            }

            if (query is JsonObject { } rrf && rrf["rrf"] is JsonObject parameters)
            {
                var weights = parameters["weights"]?.AsArray().Select(w => w!.GetValue<double>()).ToList();
                if (weights is not null && (weights.Count != lists.Count || weights.Any(w => w <= 0)))
                {
                    throw new FakeQdrantException(400, "Wrong input: rrf weights must be positive, one per prefetch");
                }

                return Fuse(lists, parameters["k"]?.GetValue<int>() ?? DefaultRrfK, weights);
            }

            candidates = [.. lists.SelectMany(l => l.Select(x => x.Point)).Distinct()];
        }

        if (query is JsonObject wrapper && wrapper["nearest"] is JsonNode nearest)
        {
            query = nearest;
        }

        var name = request["using"]?.GetValue<string>() ?? string.Empty;
        return query switch
        {
            JsonArray vector when dense.TryGetValue(name, out var size) => Dense(vector, size, name, candidates),
            JsonObject sparseQuery when sparse.TryGetValue(name, out var idf) => SparseSearch(Sparse(sparseQuery), name, idf, candidates, corpus),
            _ => throw new FakeQdrantException(400, $"Wrong input: the fake cannot run query {query?.ToJsonString()} using '{name}'"),
        };
    }

    public static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : [.. v.Select(x => x / norm)];
    }

    public static Dictionary<uint, float> Sparse(JsonObject vector)
    {
        var indices = vector["indices"]!.AsArray().Select(i => i!.GetValue<uint>()).ToList();
        var values = vector["values"]!.AsArray().Select(v => v!.GetValue<float>()).ToList();
        if (indices.Count != values.Count || indices.Distinct().Count() != indices.Count)
        {
            throw new FakeQdrantException(400, "Wrong input: sparse indices must be unique and as many as values");
        }

        return indices.Zip(values).ToDictionary(x => x.First, x => x.Second);
    }

    private static List<(FakePoint, double)> Dense(JsonArray vector, int size, string name, List<FakePoint> candidates)
    {
        var q = Normalize([.. vector.Select(x => x!.GetValue<float>())]);
        if (q.Length != size)
        {
            throw new FakeQdrantException(400, $"Wrong input: Vector dimension error: expected dim: {size}, got {q.Length}");
        }

        return [.. candidates
            .Where(p => p.Dense.ContainsKey(name))
            .Select(p => (p, (double)p.Dense[name].Zip(q).Sum(x => x.First * x.Second)))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.p.Id, StringComparer.Ordinal)];
    }

    private static List<(FakePoint, double)> SparseSearch(Dictionary<uint, float> q, string name, bool idf, List<FakePoint> candidates, IReadOnlyCollection<FakePoint> corpus)
    {
        // IDF statistics are collection-wide in Qdrant, whatever the filter.
        var stats = corpus.Where(p => p.Sparse.ContainsKey(name)).ToList();
        var withVector = candidates.Where(p => p.Sparse.ContainsKey(name)).ToList();
        var n = stats.Count;
        double Weight(uint index)
        {
            if (!idf)
            {
                return 1;
            }

            var df = stats.Count(p => p.Sparse[name].ContainsKey(index));
            return Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
        }

        var weights = q.Keys.ToDictionary(i => i, Weight);
        return [.. withVector
            .Where(p => q.Keys.Any(p.Sparse[name].ContainsKey))
            .Select(p => (p, q.Sum(t => p.Sparse[name].TryGetValue(t.Key, out var w) ? t.Value * w * weights[t.Key] : 0)))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.p.Id, StringComparer.Ordinal)];
    }

    /// <summary>Qdrant's position_score: 1 / (position + k), positions from 0 (lib/segment/src/common/reciprocal_rank_fusion.rs).</summary>
    /// <summary>Qdrant's weighted RRF (lib/segment/src/common/reciprocal_rank_fusion.rs): 1 / ((pos + 1) / w + k − 1), pos from 0.</summary>
    private static List<(FakePoint, double)> Fuse(List<List<(FakePoint Point, double Score)>> lists, int k, List<double>? weights = null)
    {
        var fused = new Dictionary<FakePoint, double>();
        for (var l = 0; l < lists.Count; l++)
        {
            var list = lists[l];
            var w = weights?[l] ?? 1.0;
            for (var rank = 0; rank < list.Count; rank++)
            {
                fused[list[rank].Point] = fused.GetValueOrDefault(list[rank].Point) + (1.0 / (((rank + 1) / w) + k - 1));
            }
        }

        return [.. fused.OrderByDescending(x => x.Value).ThenBy(x => x.Key.Id, StringComparer.Ordinal).Select(x => (x.Key, x.Value))];
    }
}
