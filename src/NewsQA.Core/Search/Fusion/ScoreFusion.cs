using Microsoft.Extensions.Options;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Search.Fusion;

/// <summary>
/// Score-aware fusion of a dense and a lexical ranking: each list's scores min-max normalised to [0, 1] over its
/// candidates, then combined convexly, score = s · dense + (1 − s) · lexical, a chunk missing from a list counting 0
/// there. The dense share s depends on the question: how sure the lexical ranking is, read from its own scores as the
/// ratio of the second-best document's BM25 score to the best one's. A question that copies an article's words gives
/// one document a clear lead (low ratio) and the words decide more (<see cref="FusionOptions.DenseShareLexicalSure"/>);
/// a question in the reader's own words gives a flat lexical list (ratio near 1) and meaning decides more
/// (<see cref="FusionOptions.DenseShareLexicalUnsure"/>), linear between the two ratios. Equal-weight rank fusion lets a
/// lexical list that is wrong half the time vote as loudly as a dense one that is mostly right; this does not.
/// Measured against RRF, DBSF-style and fixed convex combinations in docs/quality-levers.md.
/// The weight pair scales the two sides on top (calibration fits it; dense 0 is handled by the caller: lexical alone).
/// Ties break by chunk id so results are deterministic.
/// </summary>
public sealed class ScoreFusion(IOptions<FusionOptions> options)
{
    /// <summary>Fused hits, best first; <see cref="FusedHit.InputScores"/> holds each list's raw score (dense, lexical).</summary>
    public IReadOnlyList<FusedHit> Fuse(IReadOnlyList<ChunkHit> dense, IReadOnlyList<ChunkHit> lexical, RrfWeights weights)
    {
        var share = DenseShare(lexical);
        var byId = new Dictionary<string, (ChunkHit Hit, double Score, double?[] Inputs)>(StringComparer.Ordinal);
        Add(dense, 0, weights.Dense * share);
        Add(lexical, 1, weights.Lexical * (1 - share));
        return byId.Values
            .OrderByDescending(e => e.Score)
            .ThenBy(e => e.Hit.Chunk.Id, StringComparer.Ordinal)
            .Select(e => new FusedHit(e.Hit, e.Score, e.Inputs))
            .ToList();

        void Add(IReadOnlyList<ChunkHit> ranking, int list, double weight)
        {
            if (ranking.Count == 0)
            {
                return;
            }

            var low = ranking.Min(h => h.Score);
            var range = ranking.Max(h => h.Score) - low;
            foreach (var hit in ranking)
            {
                if (!byId.TryGetValue(hit.Chunk.Id, out var entry))
                {
                    entry = (hit, 0, new double?[2]);
                }

                entry.Inputs[list] ??= hit.Score;
                entry.Score += weight * (range > 0 ? (hit.Score - low) / range : 1);
                byId[hit.Chunk.Id] = entry;
            }
        }
    }

    /// <summary>The dense share for a question whose lexical ranking is <paramref name="lexical"/> (best first).</summary>
    public double DenseShare(IReadOnlyList<ChunkHit> lexical)
    {
        var o = options.Value;
        if (lexical.Count == 0)
        {
            return 1;
        }

        var t = Math.Clamp((LexicalRatio(lexical) - o.LexicalSureRatio) / Math.Max(1e-9, o.LexicalUnsureRatio - o.LexicalSureRatio), 0, 1);
        return o.DenseShareLexicalSure + ((o.DenseShareLexicalUnsure - o.DenseShareLexicalSure) * t);
    }

    /// <summary>
    /// The second-best document's score over the best one's (a document counts with its best chunk): near 0 when one
    /// article stands out, near 1 when the words fit many equally. 0 with a single document, 1 when the best scores 0.
    /// </summary>
    public static double LexicalRatio(IReadOnlyList<ChunkHit> lexical)
    {
        if (lexical.Count == 0 || lexical[0].Score <= 0)
        {
            return 1;
        }

        var best = lexical[0];
        var second = lexical.FirstOrDefault(h => h.Chunk.DocumentId != best.Chunk.DocumentId);
        return second is null ? 0 : Math.Clamp(second.Score / best.Score, 0, 1);
    }
}
