using NewsQA.Core.Documents;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Storage;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// The Qdrant store's documents and chunks: a record point per document in <c>{prefix}_documents</c>, a point per chunk
/// (its payload, sparse terms and dense vector) in <c>{prefix}_chunks</c>.
/// <para>
/// Qdrant has no multi-point transactions, so "a document is fully present or fully absent" rests on an order of
/// writes and a check on reads: (1) upsert the new chunks, whose point ids include the content hash so they never
/// overwrite the old version's; (2) upsert the document record, the commit marker; (3) delete the document's chunks
/// that are not in the new set. Reads return a chunk only when its document record exists and carries the same
/// content hash (<see cref="QdrantPoints.CommittedHitsAsync"/>), so a reader sees the old version until (2) and the new
/// one after, and a crash leaves only invisible leftovers that the next upsert of the document deletes.
/// </para>
/// </summary>
internal sealed class QdrantDocumentStore(QdrantSchema schema, QdrantPoints points, QdrantStoreOptions settings) : IDocumentStore
{
    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => schema.InitializeAsync(cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// Qdrant has no transaction to hold the look-up of the record and the write together: two writers of one new id
    /// at the same moment (two replicas) can both report "created", and a file name written between the look-up and the
    /// write is not seen; the last write wins (docs/reliability.md).
    /// </remarks>
    public async Task<bool> UpsertAsync(NewsDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default)
    {
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var stored = await points.ReadDocumentAsync(document.Id, new[] { QdrantPayload.FileName }, cancellationToken).ConfigureAwait(false);
        DocumentIdTakenException.ThrowIfTaken(document, stored is null ? null : QdrantPayload.Get(stored, QdrantPayload.FileName));
        // An empty vector means "no vector" (a null array converts to an empty ReadOnlyMemory, not to null).
        if (chunks.FirstOrDefault(c => c.Vector is { Length: > 0 })?.Vector is { } first)
        {
            await schema.EnsureDenseAsync(first.Length, cancellationToken).ConfigureAwait(false);
        }

        var documentTerms = DocumentTerms.Of(chunks.Select(c => c.Terms));
        var chunkPoints = chunks.Select(c => ChunkPoint(document, c, documentTerms)).ToList();

        // (1) new chunks, invisible until the record below carries their content hash.
        foreach (var batch in chunkPoints.Chunk(settings.UpsertBatchSize))
        {
            await points.UpsertAsync(schema.Chunks, batch, cancellationToken).ConfigureAwait(false);
        }

        // (2) the commit marker.
        var record = QdrantPoints.Point(PointIds.Document(document.Id), QdrantPayload.ForDocument(document, chunks.Count));
        await points.UpsertAsync(schema.Documents, [record], cancellationToken).ConfigureAwait(false);

        // (3) whatever else this document has: the old version's chunks and leftovers of interrupted upserts.
        var stale = QdrantFilters.Document(document.Id);
        if (chunkPoints.Count > 0)
        {
            stale.MustNot.Add(HasId([.. chunkPoints.Select(p => Guid.Parse(p.Id.Uuid))]));
        }

        await points.DeleteAsync(schema.Chunks, stale, cancellationToken).ConfigureAwait(false);
        return stored is null;
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var existed = await points.ReadDocumentAsync(documentId, true, cancellationToken).ConfigureAwait(false) is not null;

        // The record goes first: from then on reads ignore the chunks, even if deleting them fails midway.
        await points.DeleteAsync(schema.Documents, HasId(PointIds.Document(documentId)), cancellationToken).ConfigureAwait(false);
        await points.DeleteAsync(schema.Chunks, QdrantFilters.Document(documentId), cancellationToken).ConfigureAwait(false);
        return existed;
    }

    /// <inheritdoc/>
    public async Task<NewsDocument?> GetAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await points.ReadDocumentAsync(documentId, true, cancellationToken).ConfigureAwait(false) is { } payload ? QdrantPayload.ToDocument(payload) : null;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var hash = await GetContentHashAsync(documentId, cancellationToken).ConfigureAwait(false);
        if (hash is null)
        {
            return [];
        }

        var filter = new Filter { Must = { MatchKeyword(QdrantPayload.DocumentId, documentId), MatchKeyword(QdrantPayload.ContentHash, hash) } };
        var chunkPayloads = await points.ScrollAllAsync(schema.Chunks, filter, true, cancellationToken).ConfigureAwait(false);
        return [.. chunkPayloads.Select(QdrantPayload.ToChunk).OrderBy(c => c.Index)];
    }

    /// <inheritdoc/>
    public async Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var payload = await points.ReadDocumentAsync(documentId, new[] { QdrantPayload.ContentHash }, cancellationToken).ConfigureAwait(false);
        return payload is null ? null : QdrantPayload.Get(payload, QdrantPayload.ContentHash);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Qdrant can order a scroll only by a numeric or datetime payload, not by a string id, so this reads the
    /// records (without their text) of all documents and pages in memory: fine for tens of thousands of
    /// documents, a known limit beyond.
    /// </remarks>
    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, string? afterId, CancellationToken cancellationToken = default, string? collection = null)
    {
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var records = await points.ScrollAllAsync(schema.Documents, QdrantFilters.DocumentsOf(collection), QdrantPoints.WithoutText, cancellationToken).ConfigureAwait(false);
        return [.. records
            .Select(QdrantPayload.ToSummary)
            .Where(s => afterId is null || string.CompareOrdinal(s.Id, afterId) > 0)
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .Take(limit)];
    }

    /// <inheritdoc/>
    /// <remarks>The chunk count is exact for settled data; during an update it briefly includes the old version's chunks.</remarks>
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var chunks = await points.CountAsync(schema.Chunks, null, cancellationToken).ConfigureAwait(false);
        var (model, dims) = await QdrantModelRecord.ReadAsync(schema, points, cancellationToken).ConfigureAwait(false);

        // Per collection from the document records' ids (Qdrant counts one filter at a time, and the names are not known up
        // front); the records read for that are the document count too.
        var records = await points.ScrollAllAsync(schema.Documents, QdrantFilters.Documents, QdrantPoints.WithoutText, cancellationToken).ConfigureAwait(false);
        var collections = records.Select(QdrantPayload.ToSummary).GroupBy(s => s.Collection, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return new StoreStatistics(records.Count, (long)chunks, model, dims) { Collections = collections };
    }

    private static PointStruct ChunkPoint(NewsDocument document, IndexedChunk indexed, IReadOnlyList<string> documentTerms)
    {
        var point = QdrantPoints.Point(PointIds.Chunk(indexed.Chunk.Id, document.ContentHash), QdrantPayload.ForChunk(document, indexed.Chunk));
        var vectors = new NamedVectors();
        if (LexicalVector.ForChunk(indexed.Terms, documentTerms) is { } sparse)
        {
            vectors.Vectors[QdrantSchema.LexicalVectorName] = sparse.ToVector();
        }

        if (indexed.Vector is { Length: > 0 } dense)
        {
            vectors.Vectors[QdrantSchema.DenseVector] = dense.ToArray();
        }

        point.Vectors = new Vectors { Vectors_ = vectors };
        return point;
    }
}
