using Microsoft.Extensions.DependencyInjection;
using NewsQA.Embeddings.Onnx;

namespace NewsQA.Hosting.Startup;

/// <summary>
/// What the start-up runner found out about the embedder: the one thing configuration alone cannot tell
/// (the model failed to load, or the store holds another model's vectors). Only <see cref="NewsQaStartup"/>
/// writes it; the embedder health check reads it.
/// </summary>
public sealed class EmbedderState(string? explicitModel)
{
    private volatile string? problem;

    /// <summary>The model named in configuration, if any (as opposed to the default that is used when present).</summary>
    public string? ExplicitModel { get; } = explicitModel;

    /// <summary>Why a configured embedder cannot be used; null when it can, or when none is configured.</summary>
    public string? Problem => problem;

    /// <summary>What readiness and the start log say about the embedder.</summary>
    public string Message { get; private set; } = "lexical-only: no embedding model";

    /// <summary>Id of the model in use; null when the service runs lexical-only.</summary>
    public string? ModelId { get; private set; }

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
            Message = problem!;
            return;
        }

        Message = embeddings.Message;
        ModelId = embeddings.Available ? embeddings.ModelId : null;
        if (!embeddings.Available && !string.IsNullOrWhiteSpace(ExplicitModel))
        {
            Fail($"Embeddings:Model is '{ExplicitModel}' but it cannot be used: {embeddings.Message}");
        }
    }

    internal void Fail(string reason) => problem = reason;
}
