using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace NewsQA.Storage.Qdrant;

public sealed partial class QdrantNewsStore
{
    private const int ScrollPage = 256;
    private static WithPayloadSelector WithoutText => new() { Exclude = new PayloadExcludeSelector { Fields = { QdrantPayload.Text } } };

    /// <inheritdoc/>
    public async Task UpsertAsync(NewsDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        // An empty vector means "no vector" (a null array converts to an empty ReadOnlyMemory, not to null).
        if (chunks.FirstOrDefault(c => c.Vector is { Length: > 0 })?.Vector is { } first)
        {
            await EnsureDenseAsync(first.Length, cancellationToken).ConfigureAwait(false);
        }

        var points = chunks.Select(c => ChunkPoint(document, c)).ToList();

        // (1) new chunks, invisible until the record below carries their content hash.
        foreach (var batch in points.Chunk(settings.UpsertBatchSize))
        {
            await UpsertPointsAsync(Chunks, batch, cancellationToken).ConfigureAwait(false);
        }

        // (2) the commit marker.
        var record = Point(PointIds.Document(document.Id), QdrantPayload.ForDocument(document, chunks.Count));
        await UpsertPointsAsync(Documents, [record], cancellationToken).ConfigureAwait(false);

        // (3) whatever else this document has: the old version's chunks and leftovers of interrupted upserts.
        var stale = QdrantFilters.Document(document.Id);
        if (points.Count > 0)
        {
            stale.MustNot.Add(HasId([.. points.Select(p => Guid.Parse(p.Id.Uuid))]));
        }

        await DeletePointsAsync(Chunks, stale, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var existed = await ReadDocumentAsync(documentId, true, cancellationToken).ConfigureAwait(false) is not null;

        // The record goes first: from then on reads ignore the chunks, even if deleting them fails midway.
        await DeletePointsAsync(Documents, HasId(PointIds.Document(documentId)), cancellationToken).ConfigureAwait(false);
        await DeletePointsAsync(Chunks, QdrantFilters.Document(documentId), cancellationToken).ConfigureAwait(false);
        return existed;
    }

    /// <inheritdoc/>
    public async Task<NewsDocument?> GetAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await ReadDocumentAsync(documentId, true, cancellationToken).ConfigureAwait(false) is { } payload ? QdrantPayload.ToDocument(payload) : null;
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
        var points = await ScrollAllAsync(Chunks, filter, true, cancellationToken).ConfigureAwait(false);
        return [.. points.Select(QdrantPayload.ToChunk).OrderBy(c => c.Index)];
    }

    /// <inheritdoc/>
    public async Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var payload = await ReadDocumentAsync(documentId, new[] { QdrantPayload.ContentHash }, cancellationToken).ConfigureAwait(false);
        return payload is null ? null : QdrantPayload.Get(payload, QdrantPayload.ContentHash);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Qdrant can order a scroll only by a numeric or datetime payload, not by a string id, so this reads the
    /// records (without their text) of all documents and pages in memory: fine for tens of thousands of
    /// documents, a known limit beyond.
    /// </remarks>
    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, string? afterId, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var records = await ScrollAllAsync(Documents, QdrantFilters.Documents, WithoutText, cancellationToken).ConfigureAwait(false);
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
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var documents = await CountAsync(Documents, QdrantFilters.Documents, cancellationToken).ConfigureAwait(false);
        var chunks = await CountAsync(Chunks, null, cancellationToken).ConfigureAwait(false);
        var (model, dims) = await ReadEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
        return new StoreStatistics((long)documents, (long)chunks, model, dims);
    }

    private PointStruct ChunkPoint(NewsDocument document, IndexedChunk indexed)
    {
        var point = Point(PointIds.Chunk(indexed.Chunk.Id, document.ContentHash), QdrantPayload.ForChunk(document, indexed.Chunk));
        var vectors = new NamedVectors();
        if (LexicalVector.ForChunk(indexed.Terms) is { } sparse)
        {
            vectors.Vectors[LexicalVectorName] = sparse.ToVector();
        }

        if (indexed.Vector is { Length: > 0 } dense)
        {
            vectors.Vectors[DenseVector] = dense.ToArray();
        }

        point.Vectors = new Vectors { Vectors_ = vectors };
        return point;
    }

    /// <summary>A point with a payload and, until vectors are set, none: document records and the model record.</summary>
    private static PointStruct Point(Guid id, Dictionary<string, Value> payload)
    {
        var point = new PointStruct { Id = id, Vectors = new Vectors { Vectors_ = new NamedVectors() } };
        point.Payload.Add(payload);
        return point;
    }

    private async Task<IDictionary<string, Value>?> ReadDocumentAsync(string documentId, WithPayloadSelector withPayload, CancellationToken ct)
    {
        var points = await RetrieveAsync(Documents, [PointIds.Document(documentId)], withPayload, ct).ConfigureAwait(false);
        return points is [{ } point, ..] ? point.Payload : null;
    }

    /// <summary>Document records (without text) by id, to attach to hits and to check the hits' content hashes.</summary>
    private async Task<Dictionary<string, IDictionary<string, Value>>> ReadDocumentsAsync(IEnumerable<string> documentIds, CancellationToken ct)
    {
        var ids = documentIds.Distinct(StringComparer.Ordinal).Select(PointIds.Document).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var points = await RetrieveAsync(Documents, ids, WithoutText, ct).ConfigureAwait(false);
        return points.Where(p => QdrantPayload.Get(p.Payload, QdrantPayload.DocumentId) is not null)
            .ToDictionary(p => QdrantPayload.Get(p.Payload, QdrantPayload.DocumentId)!, p => (IDictionary<string, Value>)p.Payload, StringComparer.Ordinal);
    }

    private async Task<List<IDictionary<string, Value>>> ScrollAllAsync(string collection, Filter? filter, WithPayloadSelector withPayload, CancellationToken ct)
    {
        var all = new List<IDictionary<string, Value>>();
        PointId? offset = null;
        do
        {
            var from = offset;
            var page = await qdrant.RunAsync("Scroll", (c, t) => c.ScrollAsync(collection, filter, ScrollPage, from, withPayload, cancellationToken: t), ct).ConfigureAwait(false);
            all.AddRange(page.Result.Select(p => (IDictionary<string, Value>)p.Payload));
            offset = page.NextPageOffset;
        }
        while (offset is not null);

        return all;
    }
}
