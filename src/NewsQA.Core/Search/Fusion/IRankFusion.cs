using NewsQA.Core.Storage;

namespace NewsQA.Core.Search.Fusion;

/// <summary>Merges ranked lists from different retrievers into one ranking.</summary>
public interface IRankFusion
{
    /// <summary>Fused hits, best first. Each input list is best first; a chunk is identified by its id.</summary>
    /// <param name="rankings">Each best first.</param>
    /// <param name="weights">Per ranking, its weight (&gt; 0); null = all 1.</param>
    IReadOnlyList<FusedHit> Fuse(IReadOnlyList<IReadOnlyList<ChunkHit>> rankings, IReadOnlyList<double>? weights = null);
}

/// <summary>A fused hit: the chunk, its fused score, and its score in each input ranking (null where absent).</summary>
public sealed record FusedHit(ChunkHit Hit, double Score, IReadOnlyList<double?> InputScores);
