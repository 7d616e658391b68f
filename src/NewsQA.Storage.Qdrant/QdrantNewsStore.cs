using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Fusion;
using NewsQA.Core.Storage;
using NewsQA.Storage.Qdrant.Http;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// <see cref="INewsStore"/> on a Qdrant server, so any number of API instances share one corpus. Two collections:
/// <c>{prefix}_documents</c> (one vectorless point per document holding its full record, plus one meta point with the
/// embedding model) and <c>{prefix}_chunks</c> (one point per chunk: sparse "lexical" BM25 weights with Qdrant's IDF
/// modifier, and a dense "dense" cosine vector once the embedding dimension is known).
/// <para>
/// Qdrant has no multi-point transactions, so "a document is fully present or fully absent" rests on an order of
/// writes and a check on reads: (1) upsert the new chunks, whose point ids include the content hash so they never
/// overwrite the old version's; (2) upsert the document record, the commit marker; (3) delete the document's chunks
/// that are not in the new set. Reads return a chunk only when its document record exists and carries the same
/// content hash, so a reader sees the old version until (2) and the new one after, and a crash leaves only
/// invisible leftovers that the next upsert of the document deletes.
/// </para>
/// </summary>
public sealed partial class QdrantNewsStore(QdrantRestClient client, IOptions<QdrantStoreOptions> options, IOptions<FusionOptions> fusion, ILogger<QdrantNewsStore> logger)
    : INewsStore, IServerSideHybridSearch, IDisposable
{
    internal const string DenseVector = "dense";
    internal const string LexicalVectorName = "lexical";

    private readonly SemaphoreSlim schemaGate = new(1, 1);
    private readonly QdrantStoreOptions settings = options.Value;
    private volatile bool initialized;

    // Size of the "dense" vector as last seen on the server; null while the collection has none (lexical-only).
    private int? denseSize;

    private string Documents => settings.DocumentsCollection;

    private string Chunks => settings.ChunksCollection;

    internal string ChunksCollectionName => Chunks;

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureCollectionAsync(Documents, new CreateCollectionRequest(new Dictionary<string, DenseVectorParams>()), cancellationToken).ConfigureAwait(false);
            await EnsureCollectionAsync(
                Chunks,
                new CreateCollectionRequest(new Dictionary<string, DenseVectorParams>(), new Dictionary<string, SparseVectorParams> { [LexicalVectorName] = new("idf") }),
                cancellationToken).ConfigureAwait(false);

            // PUT index is idempotent in Qdrant, so every start (re)declares them: cheap, and repairs a half-made schema.
            await IndexAsync(Documents, QdrantPayload.DocumentId, "keyword", cancellationToken).ConfigureAwait(false);
            await IndexAsync(Documents, QdrantPayload.Kind, "keyword", cancellationToken).ConfigureAwait(false);
            await IndexAsync(Chunks, QdrantPayload.DocumentId, "keyword", cancellationToken).ConfigureAwait(false);
            await IndexAsync(Chunks, QdrantPayload.Source, "keyword", cancellationToken).ConfigureAwait(false);
            await IndexAsync(Chunks, QdrantPayload.PublishedFrom, "integer", cancellationToken).ConfigureAwait(false);
            await IndexAsync(Chunks, QdrantPayload.PublishedTo, "integer", cancellationToken).ConfigureAwait(false);

            denseSize = await ReadDenseSizeAsync(cancellationToken).ConfigureAwait(false);
            initialized = true;
            LogInitialized(logger, settings.CollectionPrefix, settings.Url, denseSize);
        }
        finally
        {
            schemaGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task ResetEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Dropping the named vector drops every stored dense vector with it; sparse vectors and payloads stay.
            denseSize = await ReadDenseSizeAsync(cancellationToken).ConfigureAwait(false);
            await ReplaceDenseSpaceAsync(dimensions, cancellationToken).ConfigureAwait(false);
            await WriteModelAsync(modelId, dimensions, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            schemaGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task RecordEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (stored, storedDims) = await ReadEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
            denseSize = await ReadDenseSizeAsync(cancellationToken).ConfigureAwait(false);
            if (stored == modelId && storedDims == dimensions && denseSize == dimensions)
            {
                return;
            }

            var vectors = denseSize is null ? 0 : await client.CountAsync(Chunks, new CountRequest(new Filter([new HasVectorCondition(DenseVector)])), cancellationToken).ConfigureAwait(false);
            // Like the embedded store: once vectors exist, only an unrecorded model of the same size may be recorded.
            if (vectors > 0 && (stored is not null || denseSize != dimensions))
            {
                throw new EmbeddingModelMismatchException(stored ?? $"unrecorded ({denseSize} dimensions)", modelId);
            }

            if (denseSize != dimensions)
            {
                // No vectors depend on the old size (checked above), so the vector space can be replaced.
                await ReplaceDenseSpaceAsync(dimensions, cancellationToken).ConfigureAwait(false);
            }

            await WriteModelAsync(modelId, dimensions, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            schemaGate.Release();
        }
    }

    /// <summary>Deletes the dense vector space (and every vector in it) if there is one, and creates it anew at <paramref name="dimensions"/>.</summary>
    private async Task ReplaceDenseSpaceAsync(int dimensions, CancellationToken cancellationToken)
    {
        if (denseSize is not null)
        {
            await client.DeleteVectorAsync(Chunks, DenseVector, cancellationToken).ConfigureAwait(false);
        }

        await client.CreateDenseVectorAsync(Chunks, DenseVector, new CreateDenseVectorRequest(new DenseVectorParams(dimensions, "Cosine")), cancellationToken).ConfigureAwait(false);
        denseSize = dimensions;
    }

    private Task WriteModelAsync(string modelId, int dimensions, CancellationToken cancellationToken) =>
        client.UpsertAsync(Documents, [new PointStruct(PointIds.Meta, new Dictionary<string, object>(), QdrantPayload.ForEmbeddingModel(modelId, dimensions))], cancellationToken);

    public void Dispose() => schemaGate.Dispose();

    /// <summary>Operations initialize on first use too, so a store whose server was down at start recovers on its own.</summary>
    private Task EnsureInitializedAsync(CancellationToken ct) => initialized ? Task.CompletedTask : InitializeAsync(ct);

    /// <summary>Makes sure the "dense" vector exists with <paramref name="dimensions"/>, adding it on first use.</summary>
    private async Task EnsureDenseAsync(int dimensions, CancellationToken ct)
    {
        if (denseSize == dimensions)
        {
            return;
        }

        await schemaGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            denseSize = await ReadDenseSizeAsync(ct).ConfigureAwait(false);
            if (denseSize is null)
            {
                await client.CreateDenseVectorAsync(Chunks, DenseVector, new CreateDenseVectorRequest(new DenseVectorParams(dimensions, "Cosine")), ct).ConfigureAwait(false);
                denseSize = await ReadDenseSizeAsync(ct).ConfigureAwait(false);
            }

            if (denseSize != dimensions)
            {
                throw new InvalidOperationException($"Chunk vectors have {dimensions} dimensions but the Qdrant collection '{Chunks}' stores {denseSize}; run 'newsqa reindex'.");
            }
        }
        finally
        {
            schemaGate.Release();
        }
    }

    private async Task EnsureCollectionAsync(string name, CreateCollectionRequest request, CancellationToken ct)
    {
        if (!await client.CollectionExistsAsync(name, ct).ConfigureAwait(false))
        {
            await client.CreateCollectionAsync(name, request, ct).ConfigureAwait(false);
        }
    }

    private Task IndexAsync(string collection, string field, string schema, CancellationToken ct) =>
        client.CreateFieldIndexAsync(collection, new CreateFieldIndexRequest(field, schema), ct);

    private async Task<int?> ReadDenseSizeAsync(CancellationToken ct)
    {
        var info = await client.GetCollectionAsync(Chunks, ct).ConfigureAwait(false);
        return info?.Config.Params.Vectors is { ValueKind: System.Text.Json.JsonValueKind.Object } vectors
            && vectors.TryGetProperty(DenseVector, out var dense) && dense.TryGetProperty("size", out var size)
            ? size.GetInt32()
            : null;
    }

    private async Task<(string? Model, int? Dimensions)> ReadEmbeddingModelAsync(CancellationToken ct)
    {
        var points = await client.RetrieveAsync(Documents, new RetrievePointsRequest([PointIds.Meta], true), ct).ConfigureAwait(false);
        return points is [{ Payload: { } meta }, ..]
            ? (QdrantPayload.Get(meta, QdrantPayload.EmbeddingModel), meta[QdrantPayload.EmbeddingDimensions]?.GetValue<int>())
            : (null, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Qdrant store ready: collections {Prefix}_* at {Url}, dense vector size {DenseSize}")]
    private static partial void LogInitialized(ILogger logger, string prefix, Uri? url, int? denseSize);
}
