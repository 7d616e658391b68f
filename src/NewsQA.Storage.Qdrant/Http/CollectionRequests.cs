namespace NewsQA.Storage.Qdrant.Http;

/// <summary>PUT /collections/{name}: named dense vectors (possibly none yet) and named sparse vectors.</summary>
internal sealed record CreateCollectionRequest(
    IReadOnlyDictionary<string, DenseVectorParams> Vectors,
    IReadOnlyDictionary<string, SparseVectorParams>? SparseVectors = null);

internal sealed record DenseVectorParams(int Size, string Distance);

/// <summary><c>modifier: "idf"</c> makes Qdrant multiply each query term by its collection-wide IDF at query time.</summary>
internal sealed record SparseVectorParams(string? Modifier);

/// <summary>PUT /collections/{name}/vectors/{vector}: adds a named dense vector to an existing collection (Qdrant 1.19+).</summary>
internal sealed record CreateDenseVectorRequest(DenseVectorParams Dense);

/// <summary>PUT /collections/{name}/index.</summary>
internal sealed record CreateFieldIndexRequest(string FieldName, string FieldSchema);

internal sealed record CollectionExistence(bool Exists);

internal sealed record CollectionInfo(CollectionConfig Config);

internal sealed record CollectionConfig(CollectionParams Params);

/// <summary>Only the named-vector form is read: this store never creates an unnamed vector.</summary>
internal sealed record CollectionParams(System.Text.Json.JsonElement? Vectors);
