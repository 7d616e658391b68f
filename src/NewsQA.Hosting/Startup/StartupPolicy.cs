using NewsQA.Core.Storage;
using NewsQA.Hosting.ModelLifecycle;

namespace NewsQA.Hosting.Startup;

/// <summary>
/// Where the API and the CLI differ on the one start-up path (<see cref="NewsQaStartup.StartAsync"/>), as data: a
/// service keeps running without its store and seeds an empty one; a command fails fast and leaves the store as it is.
/// </summary>
public sealed record StartupPolicy
{
    /// <summary>
    /// The store may come later: start-up returns a report naming it, readiness reports it, and
    /// <see cref="NewsQaStartupService"/> retries in the background. Otherwise an unreachable store ends start-up with
    /// its <see cref="StoreUnavailableException"/>.
    /// </summary>
    public bool StoreMayComeLater { get; init; }

    /// <summary>Stored vectors of another model are reported (in readiness) rather than ending start-up with an <see cref="EmbeddingModelMismatchException"/>.</summary>
    public bool ModelMismatchAllowed { get; init; }

    /// <summary>Ingest <c>Seeds:Path</c> into an empty store (when <c>Seeds:IngestOnEmpty</c> is on).</summary>
    public bool SeedEmptyStore { get; init; }

    /// <summary>
    /// When <c>Embeddings:AutoPull</c> is explicitly true, bring the model in before start-up ends (fetch, attach, embed
    /// the store) and wait for it. A service does this in the background instead (<see cref="ModelActivationService"/>).
    /// </summary>
    public bool AwaitModelWhenAutoPull { get; init; }

    /// <summary>The API: the store may come later, a model mismatch is reported in readiness, seeds go into an empty store.</summary>
    public static StartupPolicy Service { get; } = new() { StoreMayComeLater = true, ModelMismatchAllowed = true, SeedEmptyStore = true };

    /// <summary>A CLI command: no store or another model's vectors end it (but for <c>reindex</c>, which replaces them); it fetches a model only when told to.</summary>
    public static StartupPolicy Command(bool modelChangeAllowed) => new() { ModelMismatchAllowed = modelChangeAllowed, AwaitModelWhenAutoPull = true };
}
