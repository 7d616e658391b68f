using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded;

namespace NewsQA.Api.Tests.Reliability;

/// <summary>
/// The real embedded store behind a switch, in place of each of its contracts: while <see cref="Down"/> is set every
/// call fails as an unreachable store does.
/// </summary>
public sealed class FlakyStore(EmbeddedNewsStore inner) : IDocumentStore, ILexicalIndex, IVectorIndex, IEmbeddingModelRecord
{
    public volatile bool Down;

    /// <summary>Puts a <see cref="FlakyStore"/> over the app's embedded store in place of every store contract.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(sp => new FlakyStore(sp.GetRequiredService<EmbeddedNewsStore>()));
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<FlakyStore>());
        services.AddSingleton<ILexicalIndex>(sp => sp.GetRequiredService<FlakyStore>());
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<FlakyStore>());
        services.AddSingleton<IEmbeddingModelRecord>(sp => sp.GetRequiredService<FlakyStore>());
    }

    private T Check<T>(T value) => Down ? throw new StoreUnavailableException("The test switched the store off.") { Component = "embedded store" } : value;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Check(inner.Documents).InitializeAsync(cancellationToken);
    public Task<bool> UpsertAsync(NewsDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default) => Check(inner.Documents).UpsertAsync(document, chunks, cancellationToken);
    public Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default) => Check(inner.Documents).DeleteAsync(documentId, cancellationToken);
    public Task<NewsDocument?> GetAsync(string documentId, CancellationToken cancellationToken = default) => Check(inner.Documents).GetAsync(documentId, cancellationToken);
    public Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default) => Check(inner.Documents).GetChunksAsync(documentId, cancellationToken);
    public Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default) => Check(inner.Documents).GetContentHashAsync(documentId, cancellationToken);
    public Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, string? afterId, CancellationToken cancellationToken = default, string? collection = null) => Check(inner.Documents).ListAsync(limit, afterId, cancellationToken, collection);
    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => Check(inner.Documents).GetStatisticsAsync(cancellationToken);
    public Task RecordEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default) => Check(inner.EmbeddingModel).RecordEmbeddingModelAsync(modelId, dimensions, cancellationToken);
    public Task ResetEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default) => Check(inner.EmbeddingModel).ResetEmbeddingModelAsync(modelId, dimensions, cancellationToken);
    public Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default) => Check(inner.Lexical).SearchLexicalAsync(queryTerms, filter, top, cancellationToken);
    public Task<IReadOnlyList<ChunkHit>> SearchDenseAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default) => Check(inner.Vectors).SearchDenseAsync(queryVector, filter, top, cancellationToken);
}
