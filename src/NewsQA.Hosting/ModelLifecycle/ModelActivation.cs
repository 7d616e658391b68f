using NewsQA.Core.Search.Embedding;

namespace NewsQA.Hosting.ModelLifecycle;

/// <summary>
/// The lifecycle's step, repeated until the model is searchable: attach the configured model when none is
/// (<see cref="ModelAttacher"/>), then embed the stored documents with it (<see cref="EmbeddingBackfill"/>). The API
/// steps in the background (<see cref="ModelActivationService"/>); the CLI steps once and waits, when told to fetch.
/// </summary>
public sealed class ModelActivation(QueryAndPassageEmbedder embedder, ModelAttacher attacher, EmbeddingBackfill backfill)
{
    /// <summary>
    /// One look at the model and the store. True when nothing is left to do (a model attached and every document
    /// embedded); false when there is no usable model yet (look again later). Store failures propagate.
    /// </summary>
    public async Task<bool> StepAsync(bool autoPull, CancellationToken cancellationToken)
    {
        if (embedder.IsSearchable)
        {
            return true;
        }

        if (!embedder.IsAvailable && !await attacher.TryAttachAsync(autoPull, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (!embedder.IsSearchable)
        {
            await backfill.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
