namespace NewsQA.Core.Storage;

/// <summary>
/// Dense search over the vectors of the chunks in <see cref="IDocumentStore"/>, all of one embedding model
/// (<see cref="IEmbeddingModelRecord"/>). Scores are "higher is better"; filters apply before ranking, so <c>top</c>
/// results match the filter. A backend that can also fuse dense and lexical rankings itself implements
/// <see cref="IServerSideHybridSearch"/> on the same object.
/// </summary>
public interface IVectorIndex
{
    /// <summary>Dense search by cosine similarity to <paramref name="queryVector"/> (vectors are L2-normalised).</summary>
    Task<IReadOnlyList<ChunkHit>> SearchDenseAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default);
}
