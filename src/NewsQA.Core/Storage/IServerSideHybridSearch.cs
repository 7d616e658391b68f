namespace NewsQA.Core.Storage;

/// <summary>
/// A vector index that can fuse dense and lexical rankings itself, in one round trip (Qdrant: two prefetches
/// fused with reciprocal rank fusion). Optional: a retriever that finds it on its <see cref="IVectorIndex"/> may use it
/// instead of running both searches and fusing client-side; scores are then the server's fused scores.
/// </summary>
public interface IServerSideHybridSearch
{
    /// <summary>
    /// Chunks ranked by the fusion of dense similarity to <paramref name="queryVector"/> and lexical
    /// match on <paramref name="queryTerms"/>, both restricted by <paramref name="filter"/>; higher is better.
    /// The weights are those of weighted RRF (<see cref="Search.Fusion.FusionOptions.DenseWeight"/>), both &gt; 0.
    /// </summary>
    Task<IReadOnlyList<ChunkHit>> SearchHybridAsync(ReadOnlyMemory<float> queryVector, IReadOnlyList<string> queryTerms, SearchFilter filter, int top, double denseWeight = 1, double lexicalWeight = 1, CancellationToken cancellationToken = default);
}
