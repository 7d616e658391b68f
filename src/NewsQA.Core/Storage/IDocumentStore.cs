using NewsQA.Core.Documents;

namespace NewsQA.Core.Storage;

/// <summary>
/// Where documents and their chunks live, and with them the chunks' terms and vectors that <see cref="ILexicalIndex"/>
/// and <see cref="IVectorIndex"/> search: the source of truth the indexes follow. Implementations: the embedded store
/// (one data directory) and Qdrant. Contract, checked by the shared store test suite:
/// <list type="bullet">
/// <item><see cref="UpsertAsync"/> is atomic per document and idempotent by document id: afterwards exactly
/// the given chunks exist for it, and a crash leaves either the old or the new version, never a mix.</item>
/// <item>After <see cref="UpsertAsync"/> or <see cref="DeleteAsync"/> returns, every search sees the change: no
/// search returns a chunk of a deleted document or of a replaced version.</item>
/// <item><see cref="UpsertAsync"/> returns true when it created the document, decided by the write itself (the
/// embedded store inside its transaction), so two writers of one new id never both report "created".</item>
/// <item>A document with a <see cref="NewsDocument.FileName"/> is refused (<see cref="DocumentIdTakenException"/>,
/// nothing written) when its id holds a document from another file name.</item>
/// </list>
/// Stores take vectors and terms, not raw text to embed: embedding and analysis are stages of their own.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Creates schema/collections if missing and checks the store answers. Throws <see cref="StoreUnavailableException"/>.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the document and exactly these chunks; true when the id was absent (created), false when it replaced one.</summary>
    Task<bool> UpsertAsync(NewsDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default);

    Task<NewsDocument?> GetAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Chunks of a document in order (no vectors).</summary>
    Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>The stored content hash of a document, or null if absent: lets re-ingest skip unchanged content cheaply.</summary>
    Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Documents ordered by key, after <paramref name="afterId"/> (a key, exclusive); only those of
    /// <paramref name="collection"/> when one is named (<see cref="DocumentKey"/>), every document when null (the
    /// maintenance walks: re-index, backfill).
    /// </summary>
    Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, string? afterId, CancellationToken cancellationToken = default, string? collection = null);

    /// <summary>Counts (<see cref="StoreStatistics.Collections"/> per collection), and the embedding model <see cref="IEmbeddingModelRecord"/> recorded.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);
}
