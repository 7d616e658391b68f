namespace NewsQA.Core.Storage;

/// <summary>Counts, and which embedding model the stored vectors came from (null when none are stored).</summary>
public sealed record StoreStatistics(long Documents, long Chunks, string? EmbeddingModel, int? EmbeddingDimensions)
{
    /// <summary>
    /// What the store cannot do right now while it is otherwise usable (the embedded store's lexical index being
    /// rebuilt), as readiness tells an operator; null when nothing is wrong.
    /// </summary>
    public string? Degraded { get; init; }

    /// <summary>Documents per collection that holds any (<see cref="Documents.DocumentKey"/>); empty when the store has none.</summary>
    public IReadOnlyDictionary<string, long> Collections { get; init; } = new Dictionary<string, long>();
}
