using Microsoft.Extensions.Options;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Search.Fusion;

/// <summary>
/// Reciprocal-rank fusion (Cormack et al., 2009): score(d) = Σ_lists 1 / (k + rank(d)), rank from 1, weighted as
/// Qdrant weights it (1 / (k + rank / w), lib/segment/src/common/reciprocal_rank_fusion.rs) so both backends rank alike.
/// It needs no score calibration between BM25 and cosine, which live on unrelated scales.
/// Ties break by chunk id so results are deterministic.
/// </summary>
public sealed class ReciprocalRankFusion(IOptions<FusionOptions> options) : IRankFusion
{
    /// <inheritdoc/>
    public IReadOnlyList<FusedHit> Fuse(IReadOnlyList<IReadOnlyList<ChunkHit>> rankings, IReadOnlyList<double>? weights = null)
    {
        var k = options.Value.RrfK;
        var byId = new Dictionary<string, (ChunkHit Hit, double Score, double?[] Inputs)>(StringComparer.Ordinal);
        for (var list = 0; list < rankings.Count; list++)
        {
            var ranking = rankings[list];
            var weight = weights?[list] ?? 1.0;
            if (weight <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), "RRF weights must be positive; leave a ranking out instead.");
            }

            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var hit = ranking[rank];
                if (!byId.TryGetValue(hit.Chunk.Id, out var entry))
                {
                    entry = (hit, 0, new double?[rankings.Count]);
                }

                entry.Inputs[list] ??= hit.Score;
                entry.Score += 1.0 / (k + ((rank + 1) / weight));
                byId[hit.Chunk.Id] = entry;
            }
        }

        return byId.Values
            .OrderByDescending(e => e.Score)
            .ThenBy(e => e.Hit.Chunk.Id, StringComparer.Ordinal)
            .Select(e => new FusedHit(e.Hit, e.Score, e.Inputs))
            .ToList();
    }
}
