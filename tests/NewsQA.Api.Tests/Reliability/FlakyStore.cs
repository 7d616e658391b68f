using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Api.Tests.Reliability;

/// <summary>The real store behind a switch: while <see cref="Down"/> is set every call fails as an unreachable store does.</summary>
public sealed class FlakyStore(INewsStore inner) : INewsStore
{
    public volatile bool Down;

    private T Check<T>(T value) => Down ? throw new StoreUnavailableException("The test switched the store off.") { Component = "embedded store" } : value;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Check(inner).InitializeAsync(cancellationToken);
    public Task UpsertAsync(NewsDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default) => Check(inner).UpsertAsync(document, chunks, cancellationToken);
    public Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default) => Check(inner).DeleteAsync(documentId, cancellationToken);
    public Task<NewsDocument?> GetAsync(string documentId, CancellationToken cancellationToken = default) => Check(inner).GetAsync(documentId, cancellationToken);
    public Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default) => Check(inner).GetChunksAsync(documentId, cancellationToken);
    public Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default) => Check(inner).GetContentHashAsync(documentId, cancellationToken);
    public Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, string? afterId, CancellationToken cancellationToken = default) => Check(inner).ListAsync(limit, afterId, cancellationToken);
    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => Check(inner).GetStatisticsAsync(cancellationToken);
    public Task RecordEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default) => Check(inner).RecordEmbeddingModelAsync(modelId, dimensions, cancellationToken);
    public Task ResetEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default) => Check(inner).ResetEmbeddingModelAsync(modelId, dimensions, cancellationToken);
    public Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default) => Check(inner).SearchLexicalAsync(queryTerms, filter, top, cancellationToken);
    public Task<IReadOnlyList<ChunkHit>> SearchDenseAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default) => Check(inner).SearchDenseAsync(queryVector, filter, top, cancellationToken);
}
