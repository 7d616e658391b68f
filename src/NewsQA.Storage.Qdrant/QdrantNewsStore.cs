using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Storage;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

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
public sealed partial class QdrantNewsStore(QdrantCalls qdrant, IOptions<QdrantStoreOptions> options, IOptions<FusionOptions> fusion, ILogger<QdrantNewsStore> logger)
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
            await EnsureCollectionAsync(NewCollection(Documents), cancellationToken).ConfigureAwait(false);
            var chunks = NewCollection(Chunks);
            chunks.SparseVectorsConfig = new SparseVectorConfig { Map = { [LexicalVectorName] = new SparseVectorParams { Modifier = Modifier.Idf } } };
            await EnsureCollectionAsync(chunks, cancellationToken).ConfigureAwait(false);

            // Creating a payload index is idempotent in Qdrant, so every start (re)declares them: cheap, and repairs a half-made schema.
            await IndexAsync(Documents, QdrantPayload.DocumentId, PayloadSchemaType.Keyword, cancellationToken).ConfigureAwait(false);
            await IndexAsync(Documents, QdrantPayload.Kind, PayloadSchemaType.Keyword, cancellationToken).ConfigureAwait(false);
            await IndexAsync(Chunks, QdrantPayload.DocumentId, PayloadSchemaType.Keyword, cancellationToken).ConfigureAwait(false);
            await IndexAsync(Chunks, QdrantPayload.Source, PayloadSchemaType.Keyword, cancellationToken).ConfigureAwait(false);
            await IndexAsync(Chunks, QdrantPayload.Language, PayloadSchemaType.Keyword, cancellationToken).ConfigureAwait(false);
            await IndexAsync(Chunks, QdrantPayload.PublishedFrom, PayloadSchemaType.Integer, cancellationToken).ConfigureAwait(false);
            await IndexAsync(Chunks, QdrantPayload.PublishedTo, PayloadSchemaType.Integer, cancellationToken).ConfigureAwait(false);

            denseSize = await ReadDenseSizeAsync(cancellationToken).ConfigureAwait(false);
            initialized = true;
            LogInitialized(logger, settings.CollectionPrefix, settings.Url, denseSize, settings.ShardNumber, settings.ReplicationFactor);
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

            var vectors = denseSize is null ? 0UL : await CountAsync(Chunks, HasVector(DenseVector), cancellationToken).ConfigureAwait(false);
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
            var delete = new DeleteVectorNameRequest { CollectionName = Chunks, VectorName = DenseVector, Wait = true };
            await qdrant.RunAsync("DeleteVectorName", (c, ct) => c.DeleteVectorNameAsync(delete, ct), cancellationToken).ConfigureAwait(false);
        }

        await CreateDenseAsync(dimensions, cancellationToken).ConfigureAwait(false);
        denseSize = dimensions;
    }

    /// <summary>
    /// Adds the named dense vector. Qdrant treats the same name with an identical config as a no-op and a different
    /// one as InvalidArgument (lib/collection/src/collection/vector_name_schema.rs, add_vector_to_config), so two
    /// instances racing to add it both succeed, and a size conflict surfaces as an error, not silently.
    /// </summary>
    private Task CreateDenseAsync(int dimensions, CancellationToken cancellationToken)
    {
        var create = new CreateVectorNameRequest
        {
            CollectionName = Chunks,
            VectorName = DenseVector,
            Wait = true,
            DenseConfig = new DenseVectorCreationConfig { Size = (ulong)dimensions, Distance = Distance.Cosine },
        };
        return qdrant.RunAsync("CreateVectorName", (c, ct) => c.CreateVectorNameAsync(create, ct), cancellationToken);
    }

    private Task WriteModelAsync(string modelId, int dimensions, CancellationToken cancellationToken) =>
        UpsertPointsAsync(Documents, [Point(PointIds.Meta, QdrantPayload.ForEmbeddingModel(modelId, dimensions))], cancellationToken);

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
                await CreateDenseAsync(dimensions, ct).ConfigureAwait(false);
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

    /// <summary>A collection with no dense vector yet, sharded and replicated as configured (for a cluster; 1 and 1 on a single node).</summary>
    private CreateCollection NewCollection(string name) => new()
    {
        CollectionName = name,
        VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap() },
        ShardNumber = (uint)settings.ShardNumber,
        ReplicationFactor = (uint)settings.ReplicationFactor,
        WriteConsistencyFactor = (uint)settings.WriteConsistencyFactor,
    };

    /// <summary>
    /// Creates the collection unless it exists. Another instance creating it between the check and the create makes
    /// Qdrant answer AlreadyExists (lib/storage/src/content_manager/collections_ops.rs, validate_collection_not_exists;
    /// the gRPC code from lib/storage/src/content_manager/conversions.rs), which counts as success.
    /// </summary>
    private async Task EnsureCollectionAsync(CreateCollection create, CancellationToken ct)
    {
        var name = create.CollectionName;
        if (await qdrant.RunAsync("CollectionExists", (c, t) => c.CollectionExistsAsync(name, t), ct).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await qdrant.RunAsync("CreateCollection", (c, t) => c.CreateCollectionAsync(create, t), ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.AlreadyExists })
        {
            // Created by another instance a moment ago.
        }
    }

    private Task IndexAsync(string collection, string field, PayloadSchemaType schema, CancellationToken ct) =>
        qdrant.RunAsync("CreateFieldIndex", (c, t) => c.CreatePayloadIndexAsync(collection, field, schema, wait: true, cancellationToken: t), ct);

    private async Task<int?> ReadDenseSizeAsync(CancellationToken ct)
    {
        var info = await qdrant.RunAsync("GetCollectionInfo", (c, t) => c.GetCollectionInfoAsync(Chunks, t), ct).ConfigureAwait(false);
        return info.Config?.Params?.VectorsConfig is { ConfigCase: VectorsConfig.ConfigOneofCase.ParamsMap } vectors
            && vectors.ParamsMap.Map.TryGetValue(DenseVector, out var dense)
            ? (int)dense.Size
            : null;
    }

    private async Task<(string? Model, int? Dimensions)> ReadEmbeddingModelAsync(CancellationToken ct)
    {
        var points = await RetrieveAsync(Documents, [PointIds.Meta], true, ct).ConfigureAwait(false);
        return points is [{ } meta, ..]
            ? (QdrantPayload.Get(meta.Payload, QdrantPayload.EmbeddingModel), QdrantPayload.Int(meta.Payload, QdrantPayload.EmbeddingDimensions))
            : (null, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Qdrant store ready: collections {Prefix}_* at {Url} (gRPC), dense vector size {DenseSize}; new collections get {Shards} shards × {Replicas} replicas")]
    private static partial void LogInitialized(ILogger logger, string prefix, Uri? url, int? denseSize, int shards, int replicas);
}
