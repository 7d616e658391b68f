using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Search.Embedding;
using NewsQA.Embeddings.Onnx;

namespace NewsQA.Hosting.ModelLifecycle;

/// <summary>
/// Where the embedding model stands, the one record of its lifecycle: absent (lexical-only), downloading, attached
/// while the stored documents are backfilled, searchable; and whether a configured model failed (it cannot be loaded,
/// or the store holds another model's vectors). Written by start-up, <see cref="ModelFetcher"/>,
/// <see cref="ModelAttacher"/> and <see cref="EmbeddingBackfill"/>; read by readiness (<see cref="EmbedderHealthCheck"/>)
/// and the start log. The stages that decide whether dense ranking may run set that on the
/// <see cref="QueryAndPassageEmbedder"/> too, so what readiness reports and how search ranks move together.
/// </summary>
public sealed class EmbeddingModelState(QueryAndPassageEmbedder embedder, string? explicitModel)
{
    private volatile string? problem;
    private volatile ModelStage stage = new(ModelStage.Absent, "lexical-only: no embedding model", null);

    /// <summary>The model named in configuration, if any (as opposed to the default that is used when present).</summary>
    public string? ExplicitModel { get; } = explicitModel;

    /// <summary>Why a configured embedder cannot be used; null when it can, or when none is configured.</summary>
    public string? Problem => problem;

    /// <summary>Where the model stands, with progress while it is fetched or the store backfilled.</summary>
    public ModelStage Stage => stage;

    /// <summary>What readiness and the start log say about the embedder.</summary>
    public string Message => stage.Message;

    /// <summary>Id of the model in use (also while the stored documents are embedded); null when lexical-only.</summary>
    public string? ModelId => stage.ModelId;

    /// <summary>Loads the model registered at start (so the first request does not pay for it) and records the outcome.</summary>
    internal void LoadRegistered(IServiceProvider services)
    {
        EmbeddingStatus embeddings;
        try
        {
            embeddings = services.GetRequiredService<EmbeddingStatus>();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail($"The embedding model failed to load: {ex.Message}");
            stage = new ModelStage(ModelStage.Absent, problem!, null);
            return;
        }

        stage = embeddings.Available
            ? new ModelStage(ModelStage.Searchable, embeddings.Message, embeddings.ModelId)
            : new ModelStage(ModelStage.Absent, embeddings.Message, null);
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
        stage = new ModelStage(ModelStage.Downloading, $"lexical until the model is ready: downloading {model}, {Megabytes(bytesDone)} of {Megabytes(bytesTotal)}", null, bytesDone, bytesTotal);
    }

    /// <summary>A model is attached (writes embed) while the stored documents are embedded: dense ranking waits.</summary>
    internal void Backfilling(string modelId, long documentsDone, long documentsTotal)
    {
        embedder.SuspendSearch();
        // The configured model is here after all: what readiness failed on is resolved.
        ClearMissingModel();
        stage = new ModelStage(ModelStage.Backfilling, $"lexical until every document is embedded: {documentsDone} of {documentsTotal} embedded with {modelId}", modelId, documentsDone, documentsTotal);
    }

    /// <summary>Every stored document has the attached model's vectors: dense ranking may run.</summary>
    internal void Searchable(string modelId, string message)
    {
        embedder.MarkSearchable();
        ClearMissingModel();
        stage = new ModelStage(ModelStage.Searchable, message, modelId);
    }

    /// <summary>No model can be used for now; <paramref name="reason"/> is one line.</summary>
    internal void Absent(string reason)
    {
        stage = new ModelStage(ModelStage.Absent, $"lexical-only: {reason}", null);
        if (!string.IsNullOrWhiteSpace(ExplicitModel))
        {
            // An operator who named a model asked for dense search and is not getting it.
            Fail($"Embeddings:Model is '{ExplicitModel}' but it cannot be used: {reason}");
        }
    }

    /// <summary>Only the "configured model is missing" failure goes away when the model arrives; a mismatch (model loaded) stays.</summary>
    private void ClearMissingModel()
    {
        if (problem is not null && stage.ModelId is null)
        {
            problem = null;
        }
    }

    private static string Megabytes(long bytes) => bytes >= 1_000_000 ? $"{bytes / 1_000_000.0:0.0} MB" : $"{bytes / 1000.0:0.0} kB";
}
