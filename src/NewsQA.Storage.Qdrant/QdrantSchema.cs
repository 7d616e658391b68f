using Microsoft.Extensions.Logging;
using NewsQA.Core.Storage;
using Qdrant.Client.Grpc;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// The Qdrant store's two collections as its parts share them: <c>{prefix}_documents</c> (one vectorless point per
/// document holding its full record, plus one meta point with the embedding model) and <c>{prefix}_chunks</c> (one
/// point per chunk: sparse "lexical" BM25 weights with Qdrant's IDF modifier, and a dense "dense" cosine vector once the
/// embedding dimension is known). Creates them, their payload indexes and the dense vector space, and knows that
/// space's size; changes to it go through one gate.
/// </summary>
internal sealed partial class QdrantSchema(QdrantCalls qdrant, QdrantStoreOptions settings, ILogger logger) : IDisposable
{
    internal const string DenseVector = "dense";
    internal const string LexicalVectorName = "lexical";

    private readonly SemaphoreSlim schemaGate = new(1, 1);
    private volatile bool initialized;

    // Size of the "dense" vector as last seen on the server; null while the collection has none (lexical-only).
    private int? denseSize;

    public string Documents => settings.DocumentsCollection;

    public string Chunks => settings.ChunksCollection;

    /// <summary>Creates the collections and payload indexes if missing and reads the dense vector size.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
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
            await IndexAsync(Documents, QdrantPayload.StoryId, PayloadSchemaType.Keyword, cancellationToken).ConfigureAwait(false);
            await IndexAsync(Documents, QdrantPayload.StoryBands, PayloadSchemaType.Keyword, cancellationToken).ConfigureAwait(false);
            await IndexAsync(Chunks, QdrantPayload.DocumentId, PayloadSchemaType.Keyword, cancellationToken).ConfigureAwait(false);
            await TenantIndexAsync(Documents, cancellationToken).ConfigureAwait(false);
            await TenantIndexAsync(Chunks, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Operations initialize on first use too, so a store whose server was down at start recovers on its own.</summary>
    public Task EnsureInitializedAsync(CancellationToken ct) => initialized ? Task.CompletedTask : InitializeAsync(ct);

    /// <summary>Runs <paramref name="action"/> holding the gate every change of the dense vector space takes.</summary>
    public async Task ExclusiveAsync(Func<Task> action, CancellationToken ct)
    {
        await schemaGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            schemaGate.Release();
        }
    }

    /// <summary>Reads the dense vector size from the server and keeps it (under <see cref="ExclusiveAsync"/>).</summary>
    public async Task<int?> RefreshDenseSizeAsync(CancellationToken ct)
    {
        denseSize = await ReadDenseSizeAsync(ct).ConfigureAwait(false);
        return denseSize;
    }

    /// <summary>Deletes the dense vector space (and every vector in it) if there is one, and creates it anew at <paramref name="dimensions"/> (under <see cref="ExclusiveAsync"/>).</summary>
    public async Task ReplaceDenseSpaceAsync(int dimensions, CancellationToken cancellationToken)
    {
        if (denseSize is not null)
        {
            var delete = new DeleteVectorNameRequest { CollectionName = Chunks, VectorName = DenseVector, Wait = true };
            await qdrant.RunAsync("DeleteVectorName", (c, ct) => c.DeleteVectorNameAsync(delete, ct), cancellationToken).ConfigureAwait(false);
        }

        await CreateDenseAsync(dimensions, cancellationToken).ConfigureAwait(false);
        denseSize = dimensions;
    }

    /// <summary>Makes sure the "dense" vector exists with <paramref name="dimensions"/>, adding it on first use.</summary>
    public async Task EnsureDenseAsync(int dimensions, CancellationToken ct)
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

    /// <summary>
    /// Whether dense search can run: false while no vectors are stored or for an empty query vector; a query of another
    /// size than the stored vectors is a <see cref="StoreUnavailableException"/> (a reindex is due).
    /// </summary>
    public bool DenseUsable(ReadOnlyMemory<float> queryVector)
    {
        if (denseSize is null || queryVector.IsEmpty)
        {
            return false;
        }

        return queryVector.Length == denseSize
            ? true
            : throw new StoreUnavailableException($"The query vector has {queryVector.Length} dimensions but stored vectors have {denseSize}; run 'newsqa reindex'.") { Component = QdrantCalls.Component };
    }

    public void Dispose() => schemaGate.Dispose();

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

    /// <summary>
    /// The collection field as Qdrant's tenant index (<c>is_tenant</c>, Qdrant 1.11+): every search filters by it, and
    /// Qdrant then keeps each tenant's points together on disk and searches them as one small set.
    /// </summary>
    private Task TenantIndexAsync(string collection, CancellationToken ct) =>
        qdrant.RunAsync("CreateFieldIndex", (c, t) => c.CreatePayloadIndexAsync(
            collection, QdrantPayload.Collection, PayloadSchemaType.Keyword,
            new PayloadIndexParams { KeywordIndexParams = new KeywordIndexParams { IsTenant = true } }, wait: true, cancellationToken: t), ct);

    private async Task<int?> ReadDenseSizeAsync(CancellationToken ct)
    {
        var info = await qdrant.RunAsync("GetCollectionInfo", (c, t) => c.GetCollectionInfoAsync(Chunks, t), ct).ConfigureAwait(false);
        return info.Config?.Params?.VectorsConfig is { ConfigCase: VectorsConfig.ConfigOneofCase.ParamsMap } vectors
            && vectors.ParamsMap.Map.TryGetValue(DenseVector, out var dense)
            ? (int)dense.Size
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Qdrant store ready: collections {Prefix}_* at {Url} (gRPC), dense vector size {DenseSize}; new collections get {Shards} shards × {Replicas} replicas")]
    private static partial void LogInitialized(ILogger logger, string prefix, Uri? url, int? denseSize, int shards, int replicas);
}
