using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Storage;
using NewsQA.Embeddings.Onnx;
using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Hosting.ModelLifecycle;

/// <summary>
/// Attaches the configured model while the service runs: notices its folder when it is dropped in or
/// <c>models pull</c> finishes (or has <see cref="ModelFetcher"/> fetch it when allowed), checks every file against
/// its manifest (<see cref="ModelFileCheck"/>), refuses a model whose vectors would mix with the stored ones, loads it
/// into the <see cref="QueryAndPassageEmbedder"/> and moves the <see cref="EmbeddingModelState"/> on: searchable for
/// an empty store, backfilling otherwise. When it cannot, it says why in one line and the service stays lexical; a
/// folder it refused is looked at again only when its files change.
/// </summary>
public sealed partial class ModelAttacher(
    QueryAndPassageEmbedder embedder,
    EmbeddingModelState state,
    ModelCatalog catalog,
    ModelFetcher fetcher,
    IDocumentStore store,
    IOptions<OnnxEmbeddingOptions> onnx,
    ILogger<ModelAttacher> logger) : IDisposable
{
    private OnnxEmbeddingGenerator? owned;
    private bool fetchTried;
    private string? refused;

    private string ModelName => onnx.Value.Model ?? OnnxEmbeddingOptions.DefaultModel;

    /// <summary>
    /// One look at the models folder: true when the configured model is attached now; false when there is no usable
    /// one yet (look again later). A missing model is fetched once per process when <paramref name="autoPull"/> is set.
    /// Store failures propagate.
    /// </summary>
    public async Task<bool> TryAttachAsync(bool autoPull, CancellationToken cancellationToken)
    {
        var directory = catalog.Locate(ModelName);
        if (!ModelFolder.TryLoad(directory, out var folder, out _))
        {
            if (!autoPull || fetchTried || fetcher.DownloadableManifest(directory) is not { } manifest)
            {
                return false;
            }

            fetchTried = true;
            if (await fetcher.FetchAsync(manifest, directory, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                Refuse(failed);
                return false;
            }

            if (!ModelFolder.TryLoad(directory, out folder, out _))
            {
                return false;
            }
        }

        var model = folder!;
        var signature = ModelFileCheck.Signature(model);
        if (signature == refused)
        {
            return false;
        }

        switch (await ModelFileCheck.CheckAsync(model, cancellationToken).ConfigureAwait(false))
        {
            case { Pending: true }:
                // Files still arriving (a pull or a copy in progress): look again later.
                return false;
            case { Problem: { } mismatch }:
                refused = signature;
                Refuse($"{mismatch}; replace it or run `newsqa models pull`");
                return false;
        }

        var stats = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        if (stats.EmbeddingModel is { } stored && stored != model.Manifest.Id)
        {
            refused = signature;
            state.Fail(new EmbeddingModelMismatchException(stored, model.Manifest.Id).Message);
            return false;
        }

        try
        {
            owned = OnnxModelLoader.LoadInto(embedder, model, onnx.Value, searchable: stats.Documents == 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            refused = signature;
            Refuse($"the model in {model.Directory} failed to load ({ex.GetType().Name})");
            return false;
        }

        var profile = embedder.Profile;
        LogAttached(logger, profile.ModelId, profile.Dimensions, model.Directory);
        if (stats.Documents == 0)
        {
            state.Searchable(profile.ModelId, EmbeddingStatus.Ready(profile.ModelId, model.Directory, profile.Dimensions).Message);
        }
        else
        {
            state.Backfilling(profile.ModelId, 0, stats.Documents);
        }

        return true;
    }

    private void Refuse(string reason)
    {
        var line = $"{ModelName}: {reason}; staying lexical";
        state.Absent(line);
        LogRefused(logger, line);
    }

    public void Dispose() => owned?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embeddings: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding model {Model} ({Dimensions} dimensions) loaded from {Directory}")]
    private static partial void LogAttached(ILogger logger, string model, int dimensions, string directory);
}
