using Microsoft.Extensions.DependencyInjection;
using NewsQA.Embeddings.Onnx;

namespace NewsQA.Hosting.Startup;

/// <summary>
/// What is known about the embedder beyond configuration: whether the model loaded, whether the store holds
/// another model's vectors, and where a model arriving at run time stands (downloading, embedding the stored
/// documents, ready). Written by <see cref="NewsQaStartup"/> and the model switch; read by the embedder health check.
/// </summary>
public sealed class EmbedderState(string? explicitModel)
{
    private volatile string? problem;
    private volatile EmbedderPhase phase = new(EmbedderPhase.None, "lexical-only: no embedding model", null);

    /// <summary>The model named in configuration, if any (as opposed to the default that is used when present).</summary>
    public string? ExplicitModel { get; } = explicitModel;

    /// <summary>Why a configured embedder cannot be used; null when it can, or when none is configured.</summary>
    public string? Problem => problem;

    /// <summary>Where the embedder stands, with progress while a model is fetched or the store embedded.</summary>
    public EmbedderPhase Phase => phase;

    /// <summary>What readiness and the start log say about the embedder.</summary>
    public string Message => phase.Message;

    /// <summary>Id of the model in use (also while the stored documents are embedded); null when lexical-only.</summary>
    public string? ModelId => phase.ModelId;

    /// <summary>Loads the model (so the first request does not pay for it) and records the outcome.</summary>
    internal void Resolve(IServiceProvider services)
    {
        EmbeddingStatus embeddings;
        try
        {
            embeddings = services.GetRequiredService<EmbeddingStatus>();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail($"The embedding model failed to load: {ex.Message}");
            phase = new EmbedderPhase(EmbedderPhase.None, problem!, null);
            return;
        }

        phase = embeddings.Available
            ? new EmbedderPhase(EmbedderPhase.Ok, embeddings.Message, embeddings.ModelId)
            : new EmbedderPhase(EmbedderPhase.None, embeddings.Message, null);
        if (!embeddings.Available && !string.IsNullOrWhiteSpace(ExplicitModel))
        {
            Fail($"Embeddings:Model is '{ExplicitModel}' but it cannot be used: {embeddings.Message}");
        }
    }

    internal void Fail(string reason) => problem = reason;

    internal void Downloading(string model, long bytesDone, long bytesTotal)
    {
        // The configured model is missing but on its way: readiness reports progress, not a failure.
        ClearMissingModel();
        phase = new EmbedderPhase(EmbedderPhase.Downloading, $"lexical until the model is ready: downloading {model}, {Megabytes(bytesDone)} of {Megabytes(bytesTotal)}", null, bytesDone, bytesTotal);
    }

    /// <summary>A model is attached (writes embed) while the stored documents are embedded; search stays lexical.</summary>
    internal void Embedding(string modelId, long documentsDone, long documentsTotal)
    {
        // The configured model is here after all: what readiness failed on is resolved.
        ClearMissingModel();
        phase = new EmbedderPhase(EmbedderPhase.Embedding, $"lexical until every document is embedded: {documentsDone} of {documentsTotal} embedded with {modelId}", modelId, documentsDone, documentsTotal);
    }

    internal void Ready(string modelId, string message)
    {
        ClearMissingModel();
        phase = new EmbedderPhase(EmbedderPhase.Ok, message, modelId);
    }

    /// <summary>No model can be used for now; <paramref name="reason"/> is one line.</summary>
    internal void Lexical(string reason)
    {
        phase = new EmbedderPhase(EmbedderPhase.None, $"lexical-only: {reason}", null);
        if (!string.IsNullOrWhiteSpace(ExplicitModel))
        {
            // An operator who named a model asked for dense search and is not getting it.
            Fail($"Embeddings:Model is '{ExplicitModel}' but it cannot be used: {reason}");
        }
    }

    /// <summary>Only the "configured model is missing" failure goes away when the model arrives; a mismatch (model loaded) stays.</summary>
    private void ClearMissingModel()
    {
        if (problem is not null && phase.ModelId is null)
        {
            problem = null;
        }
    }

    private static string Megabytes(long bytes) => bytes >= 1_000_000 ? $"{bytes / 1_000_000.0:0.0} MB" : $"{bytes / 1000.0:0.0} kB";
}

/// <summary>
/// One snapshot of the embedder's state, replaced as a whole so readers never see a status with another's progress.
/// <paramref name="Done"/>/<paramref name="Total"/> are bytes while downloading and documents while embedding.
/// </summary>
public sealed record EmbedderPhase(string Status, string Message, string? ModelId, long? Done = null, long? Total = null)
{
    public const string None = "none";
    public const string Downloading = "downloading";
    public const string Embedding = "embedding";
    public const string Ok = "ok";
}
