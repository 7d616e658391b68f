namespace NewsQA.Core.Storage;

/// <summary>Stored vectors come from another embedding model than the configured one; `newsqa reindex` fixes it.</summary>
public sealed class EmbeddingModelMismatchException(string stored, string configured)
    : Exception($"The store holds vectors from embedding model '{stored}', but '{configured}' is configured. Run 'newsqa reindex' to re-embed every chunk, or configure Embeddings:Model={stored}.")
{
    public string StoredModel { get; } = stored;
    public string ConfiguredModel { get; } = configured;
}
