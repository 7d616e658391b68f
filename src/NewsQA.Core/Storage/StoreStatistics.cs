namespace NewsQA.Core.Storage;

/// <summary>Counts, and which embedding model the stored vectors came from (null when none are stored).</summary>
public sealed record StoreStatistics(long Documents, long Chunks, string? EmbeddingModel, int? EmbeddingDimensions);
