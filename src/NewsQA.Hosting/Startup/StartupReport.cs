using NewsQA.Core.Storage;

namespace NewsQA.Hosting.Startup;

/// <summary>What the start-up checks found, for the host to log (API) or print (CLI) through its <see cref="IStartupReporter"/>.</summary>
/// <param name="EmbedderProblem">Why the configured embedder cannot be used (failed to load, stored vectors of another model).</param>
/// <param name="ModelMismatch">Set when the store holds another model's vectors; only <c>newsqa reindex</c> may go on.</param>
/// <param name="ChunkingNotice">Set when stored documents were chunked with other settings (<see cref="ChunkingCheck"/>).</param>
public sealed record StartupReport(
    string StoreProvider,
    string EmbeddingMessage,
    string? EmbedderProblem,
    StoreStatistics? Store,
    StoreUnavailableException? StoreError,
    EmbeddingModelMismatchException? ModelMismatch = null,
    string? ChunkingNotice = null)
{
    public bool StoreAvailable => StoreError is null;
}
