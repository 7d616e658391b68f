using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Hosting.Selection;

/// <summary><see cref="IDocumentStore"/> with its reads under <see cref="StoreReadGuard"/>, and its writes refused while the file is known damaged.</summary>
internal sealed class GuardedDocumentStore(IDocumentStore inner, StoreReadGuard guard) : IDocumentStore
{
    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    /// <inheritdoc/>
    public Task<bool> UpsertAsync(NewsDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default) => guard.WriteAsync(() => inner.UpsertAsync(document, chunks, cancellationToken));

    /// <inheritdoc/>
    public Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default) => guard.WriteAsync(() => inner.DeleteAsync(documentId, cancellationToken));

    /// <inheritdoc/>
    public Task<NewsDocument?> GetAsync(string documentId, CancellationToken cancellationToken = default) => guard.ReadAsync(() => inner.GetAsync(documentId, cancellationToken));

    /// <inheritdoc/>
    public Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default) => guard.ReadAsync(() => inner.GetChunksAsync(documentId, cancellationToken));

    /// <inheritdoc/>
    public Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default) => guard.ReadAsync(() => inner.GetContentHashAsync(documentId, cancellationToken));

    /// <inheritdoc/>
    public Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, string? afterId, CancellationToken cancellationToken = default, string? collection = null) => guard.ReadAsync(() => inner.ListAsync(limit, afterId, cancellationToken, collection));

    /// <summary>Guarded, but does not clear a failure: readiness itself reads the statistics, which answer while a search index is damaged.</summary>
    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => guard.ReadAsync(() => inner.GetStatisticsAsync(cancellationToken), clears: false);
}

/// <summary><see cref="ILexicalIndex"/> under <see cref="StoreReadGuard"/>.</summary>
internal sealed class GuardedLexicalIndex(ILexicalIndex inner, StoreReadGuard guard) : ILexicalIndex
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
        guard.ReadAsync(() => inner.SearchLexicalAsync(queryTerms, filter, top, cancellationToken));
}

/// <summary><see cref="IVectorIndex"/> under <see cref="StoreReadGuard"/>.</summary>
internal class GuardedVectorIndex(IVectorIndex inner, StoreReadGuard guard) : IVectorIndex
{
    protected IVectorIndex Inner => inner;

    protected StoreReadGuard Guard => guard;

    /// <inheritdoc/>
    public Task<IReadOnlyList<ChunkHit>> SearchDenseAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
        guard.ReadAsync(() => inner.SearchDenseAsync(queryVector, filter, top, cancellationToken));
}

/// <summary>A guarded vector index that keeps its backend's server-side fusion visible to the retriever.</summary>
internal sealed class GuardedHybridVectorIndex(IVectorIndex inner, StoreReadGuard guard) : GuardedVectorIndex(inner, guard), IServerSideHybridSearch
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<ChunkHit>> SearchHybridAsync(ReadOnlyMemory<float> queryVector, IReadOnlyList<string> queryTerms, SearchFilter filter, int top, double denseWeight = 1, double lexicalWeight = 1, CancellationToken cancellationToken = default) =>
        Guard.ReadAsync(() => ((IServerSideHybridSearch)Inner).SearchHybridAsync(queryVector, queryTerms, filter, top, denseWeight, lexicalWeight, cancellationToken));
}
