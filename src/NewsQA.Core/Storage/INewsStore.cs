using NewsQA.Core.Documents;

namespace NewsQA.Core.Storage;

/// <summary>
/// Where documents, their chunks, the chunks' vectors and lexical terms live. Implementations:
/// the embedded store (one data directory) and Qdrant. Contract, checked by the shared store test suite:
/// <list type="bullet">
/// <item><see cref="UpsertAsync"/> is atomic per document and idempotent by document id: afterwards exactly
/// the given chunks exist for it, and a crash leaves either the old or the new version, never a mix.</item>
/// <item>After <see cref="DeleteAsync"/> returns, no search returns any chunk of that document.</item>
/// <item>Search scores are "higher is better"; filters apply before ranking, so <c>top</c> results match the filter.</item>
/// </list>
/// Stores take vectors and terms, not raw text to embed: embedding and analysis are stages of their own.
/// </summary>
public interface INewsStore
{
    /// <summary>Creates schema/collections if missing and checks the store answers. Throws <see cref="StoreUnavailableException"/>.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    Task UpsertAsync(NewsDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default);

    Task<NewsDocument?> GetAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Chunks of a document in order (no vectors).</summary>
    Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>The stored content hash of a document, or null if absent: lets re-ingest skip unchanged content cheaply.</summary>
    Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Documents ordered by id, after <paramref name="afterId"/> (exclusive).</summary>
    Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, string? afterId, CancellationToken cancellationToken = default);

    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

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

    /// <summary>Lexical (BM25-style) search over analyzed chunk terms.</summary>
    Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default);

    /// <summary>Dense search by cosine similarity to <paramref name="queryVector"/> (vectors are L2-normalised).</summary>
    Task<IReadOnlyList<ChunkHit>> SearchDenseAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default);
}

/// <summary>A chunk ready to store: its analyzed terms for lexical search and, when an embedder is configured, its vector.</summary>
public sealed record IndexedChunk(Chunk Chunk, IReadOnlyList<string> Terms, ReadOnlyMemory<float>? Vector);

/// <summary>A chunk found by a search, with what a result needs to show about its document.</summary>
public sealed record ChunkHit(Chunk Chunk, DocumentSummary Document, double Score);

/// <summary>Counts, and which embedding model the stored vectors came from (null when none are stored).</summary>
public sealed record StoreStatistics(long Documents, long Chunks, string? EmbeddingModel, int? EmbeddingDimensions);
