namespace NewsQA.Hosting;

/// <summary>What this instance runs with, as health checks and the start log report it.</summary>
public sealed class ServiceStatus
{
    public string StoreProvider { get; set; } = "Embedded";

    /// <summary>Id of the embedding model in use; null when the service runs lexical-only.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Human-readable state of the embedder ("lexical-only: no embedding model at …").</summary>
    public string EmbeddingMessage { get; set; } = "lexical-only: no embedding model configured (Embeddings:Model).";

    /// <summary>The model named in configuration, if any (as opposed to the default that is used when present).</summary>
    public string? ExplicitModel { get; set; }

    /// <summary>Set when a configured embedder cannot be used (failed to load, or the stored vectors are from another model).</summary>
    public string? EmbedderProblem { get; set; }

    public string DefaultSearchMode => EmbeddingModel is null ? "lexical" : "hybrid";

    /// <summary>Chat model used for generative answers; null when answers are extractive.</summary>
    public string? GenerativeModel { get; set; }
}
