using System.Text.Json.Nodes;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Storage.Qdrant.Http;

namespace NewsQA.Storage.Qdrant;

public sealed partial class QdrantNewsStore
{
    private const int ScrollPage = 256;
    private static readonly PayloadExclude WithoutText = new([QdrantPayload.Text]);

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
            await client.UpsertAsync(Chunks, batch, cancellationToken).ConfigureAwait(false);
        }

        // (2) the commit marker.
        var record = new PointStruct(PointIds.Document(document.Id), new Dictionary<string, object>(), QdrantPayload.ForDocument(document, chunks.Count));
        await client.UpsertAsync(Documents, [record], cancellationToken).ConfigureAwait(false);

        // (3) whatever else this document has: the old version's chunks and leftovers of interrupted upserts.
        var stale = new Filter(
            [new FieldCondition(QdrantPayload.DocumentId, Match: new MatchValue(document.Id))],
            points.Count == 0 ? null : [new HasIdCondition([.. points.Select(p => p.Id)])]);
        await client.DeleteAsync(Chunks, stale, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var existed = await ReadDocumentAsync(documentId, true, cancellationToken).ConfigureAwait(false) is not null;

        // The record goes first: from then on reads ignore the chunks, even if deleting them fails midway.
        await client.DeleteAsync(Documents, new Filter([new HasIdCondition([PointIds.Document(documentId)])]), cancellationToken).ConfigureAwait(false);
        await client.DeleteAsync(Chunks, QdrantFilters.Document(documentId), cancellationToken).ConfigureAwait(false);
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

        var filter = new Filter(
        [
            new FieldCondition(QdrantPayload.DocumentId, Match: new MatchValue(documentId)),
            new FieldCondition(QdrantPayload.ContentHash, Match: new MatchValue(hash)),
        ]);
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
        var documents = await client.CountAsync(Documents, new CountRequest(QdrantFilters.Documents), cancellationToken).ConfigureAwait(false);
        var chunks = await client.CountAsync(Chunks, new CountRequest(null), cancellationToken).ConfigureAwait(false);
        var (model, dims) = await ReadEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
        return new StoreStatistics(documents, chunks, model, dims);
    }

    private PointStruct ChunkPoint(NewsDocument document, IndexedChunk indexed)
    {
        var vectors = new Dictionary<string, object>();
        if (LexicalVector.ForChunk(indexed.Terms) is { } sparse)
        {
            vectors[LexicalVectorName] = sparse;
        }

        if (indexed.Vector is { Length: > 0 } dense)
        {
            vectors[DenseVector] = dense.ToArray();
        }

        return new PointStruct(PointIds.Chunk(indexed.Chunk.Id, document.ContentHash), vectors, QdrantPayload.ForChunk(document, indexed.Chunk));
    }

    private async Task<JsonObject?> ReadDocumentAsync(string documentId, object withPayload, CancellationToken ct)
    {
        var points = await client.RetrieveAsync(Documents, new RetrievePointsRequest([PointIds.Document(documentId)], withPayload), ct).ConfigureAwait(false);
        return points is [{ Payload: { } payload }, ..] ? payload : null;
    }

    /// <summary>Document records (without text) by id, to attach to hits and to check the hits' content hashes.</summary>
    private async Task<Dictionary<string, JsonObject>> ReadDocumentsAsync(IEnumerable<string> documentIds, CancellationToken ct)
    {
        var ids = documentIds.Distinct(StringComparer.Ordinal).Select(PointIds.Document).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var points = await client.RetrieveAsync(Documents, new RetrievePointsRequest(ids, WithoutText), ct).ConfigureAwait(false);
        return points.Where(p => p.Payload is not null && QdrantPayload.Get(p.Payload, QdrantPayload.DocumentId) is not null)
            .ToDictionary(p => QdrantPayload.Get(p.Payload!, QdrantPayload.DocumentId)!, p => p.Payload!, StringComparer.Ordinal);
    }

    private async Task<List<JsonObject>> ScrollAllAsync(string collection, Filter? filter, object withPayload, CancellationToken ct)
    {
        var all = new List<JsonObject>();
        System.Text.Json.JsonElement? offset = null;
        do
        {
            var page = await client.ScrollAsync(collection, new ScrollRequest(filter, ScrollPage, withPayload, offset), ct).ConfigureAwait(false);
            all.AddRange(page.Points.Where(p => p.Payload is not null).Select(p => p.Payload!));
            offset = page.NextPageOffset is { ValueKind: not System.Text.Json.JsonValueKind.Null and not System.Text.Json.JsonValueKind.Undefined } next ? next : null;
        }
        while (offset is not null);

        return all;
    }
}
