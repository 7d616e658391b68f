namespace NewsQA.Core.Storage;

/// <summary>
/// Which embedding model the stored vectors come from, so vectors of two models never mix in one
/// <see cref="IVectorIndex"/>. What it holds is read back in <see cref="StoreStatistics"/>.
/// </summary>
public interface IEmbeddingModelRecord
{
    /// <summary>
    /// Records which model the stored vectors come from (idempotent). Throws <see cref="EmbeddingModelMismatchException"/>
    /// when vectors of another model are already stored, so vectors of two models never mix.
    /// </summary>
    Task RecordEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops every stored vector and records <paramref name="modelId"/> as the store's model: the first step of a
    /// reindex after a model change. Until documents are re-embedded, dense search finds nothing.
    /// </summary>
    Task ResetEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default);
}
