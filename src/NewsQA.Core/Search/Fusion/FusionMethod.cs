namespace NewsQA.Core.Search.Fusion;

/// <summary>How a hybrid search fuses its two rankings (<see cref="FusionOptions.Method"/>).</summary>
public enum FusionMethod
{
    /// <summary>
    /// <see cref="ScoreFusion"/>: normalised scores, combined with a dense share that follows how sure the lexical ranking
    /// is of its first document. Fused in process on every backend.
    /// </summary>
    Scores,

    /// <summary><see cref="ReciprocalRankFusion"/> with the weight pair; Qdrant fuses it on the server.</summary>
    Rrf,
}
