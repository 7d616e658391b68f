using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core.Calibration;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Storage;
using Microsoft.Extensions.Logging;
using NewsQA.Hosting.Calibration;
using NewsQA.Hosting.Models;
using NewsQA.Hosting.Selection;

namespace NewsQA.Hosting.Startup;

/// <summary>What the start-up checks found, for the caller to log (API) or print (CLI).</summary>
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

/// <summary>Seeds ingested at start: how many, from where, and the files that were skipped with their reason.</summary>
public sealed record SeedReport(int Ingested, string Path, bool FolderFound, IReadOnlyList<(string Origin, string Reason)> Skipped);

/// <summary>
/// The one start-up path of the API, the CLI and the tests: load the embedder, open the store, check that the
/// stored vectors come from the configured model, and (API) ingest the seeds into an empty store. A store that
/// cannot be reached does not stop the process: the report says so and readiness reports it until it recovers.
/// </summary>
public sealed class NewsQaStartup(IServiceProvider services, IConfiguration configuration, EmbedderState embedder, IDocumentStore store)
{
    public async Task<StartupReport> RunAsync(CancellationToken cancellationToken)
    {
        embedder.Resolve(services);
        LogCalibration();
        var provider = StoreSelection.ProviderName(configuration);
        StoreStatistics stats;
        try
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            stats = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            return new StartupReport(provider, embedder.Message, embedder.Problem, null, ex);
        }

        EmbeddingModelMismatchException? mismatch = null;
        string? chunking = null;
        if (embedder.ModelId is not null && services.GetService<DenseEncoder>() is { IsAvailable: true } encoder && stats.EmbeddingModel is { } stored && stored != encoder.Profile.ModelId)
        {
            mismatch = new EmbeddingModelMismatchException(stored, encoder.Profile.ModelId);
            embedder.Fail(mismatch.Message);
        }
        else if (!services.GetRequiredService<EmbeddingBackfill>().SuspendIfNeeded(stats))
        {
            // Documents stored before the model arrived (or a backfill a crash cut short) keep dense from ranking until
            // embedded; that backfill re-chunks them too, so only an archive without one pending is checked.
            try
            {
                chunking = await services.GetRequiredService<ChunkingCheck>().NoticeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (StoreUnavailableException ex)
            {
                return new StartupReport(provider, embedder.Message, embedder.Problem, null, ex);
            }
        }

        return new StartupReport(provider, embedder.Message, embedder.Problem, stats, null, mismatch, chunking);
    }

    /// <summary>One line at start when answers run with a model no threshold was fitted for, or the calibration file is unreadable.</summary>
    private void LogCalibration()
    {
        var logger = services.GetService<ILogger<NewsQaStartup>>();
        // Built first: reading the file is what records its problem.
        var threshold = services.GetRequiredService<AnswerThreshold>();
        var notice = services.GetRequiredService<CalibrationProblem>().Message ?? threshold.Notice(embedder.ModelId);
        if (notice is not null)
        {
            logger?.LogWarning("{Calibration}", notice);
        }

        // Weights are fitted by the same command, whose notice above covers both; a model with a threshold but no
        // weights (a file written before weights were fitted) gets its own line.
        var weights = services.GetRequiredService<FusionWeights>();
        if (notice is null && embedder.ModelId is { } model && !weights.IsCalibrated(model) && !threshold.ExplicitlyConfigured)
        {
            logger?.LogWarning("Fusion weights: {Source}", weights.Source(model));
        }
    }

    /// <summary>
    /// Ingests <c>Seeds:Path</c> when the store is empty and the embedder usable (a half-usable embedder would
    /// write vectors readers cannot match), so the first request of a new install already gets answers.
    /// </summary>
    public async Task<SeedReport?> SeedIfEmptyAsync(StartupReport report, CancellationToken cancellationToken)
    {
        var seeds = services.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (!seeds.IngestOnEmpty || report.Store is not { Documents: 0 } || report.EmbedderProblem is not null)
        {
            return null;
        }

        var path = System.IO.Path.GetFullPath(seeds.Path);
        if (!Directory.Exists(path))
        {
            return new SeedReport(0, path, false, []);
        }

        var pipeline = services.GetRequiredService<IngestPipeline>();
        var ingested = 0;
        var skipped = new List<(string, string)>();
        foreach (var read in DocumentFileReader.ExpandPaths([path]).SelectMany(DocumentFileReader.Read))
        {
            if (read.Input is null)
            {
                skipped.Add((read.Origin, read.Error ?? "unreadable"));
                continue;
            }

            try
            {
                await pipeline.IngestAsync(read.Input, cancellationToken).ConfigureAwait(false);
                ingested++;
            }
            catch (DocumentRejectedException ex)
            {
                skipped.Add((read.Origin, ex.Message));
            }
        }

        return new SeedReport(ingested, path, true, skipped);
    }
}
