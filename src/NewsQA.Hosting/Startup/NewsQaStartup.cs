using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Calibration;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Storage;
using NewsQA.Hosting.Calibration;
using NewsQA.Hosting.ModelLifecycle;
using NewsQA.Hosting.Selection;

namespace NewsQA.Hosting.Startup;

/// <summary>
/// The one start-up path of the API, the CLI and the tests: load the embedding model, open the store, check that the
/// stored vectors come from the configured model, then (as the host's <see cref="StartupPolicy"/> says) ingest the
/// seeds into an empty store and bring the model in. A store that cannot be reached need not stop the process: the
/// report says so and readiness reports it until it recovers.
/// </summary>
public sealed class NewsQaStartup(IServiceProvider services, IConfiguration configuration, EmbeddingModelState model, IDocumentStore store)
{
    /// <summary>
    /// The whole sequence: the checks (<see cref="RunAsync"/>); a missing store or another model's vectors end it
    /// unless <paramref name="policy"/> lets them; the host's account of the checks (<paramref name="reporter"/>);
    /// the seeds; the model when it is to be awaited. With a store that may come later and is not there yet, it returns
    /// the report naming it, and the host goes on with <see cref="ResumeAsync"/> once <see cref="StoreStartupRetry"/>
    /// reaches the store.
    /// </summary>
    public async Task<StartupReport> StartAsync(StartupPolicy policy, IStartupReporter reporter, CancellationToken cancellationToken)
    {
        var report = await RunAsync(cancellationToken).ConfigureAwait(false);
        if (report.StoreError is { } storeError && !policy.StoreMayComeLater)
        {
            throw storeError;
        }

        if (report.ModelMismatch is { } mismatch && !policy.ModelMismatchAllowed)
        {
            throw mismatch;
        }

        reporter.ChecksDone(report);
        if (report.StoreAvailable)
        {
            await ResumeAsync(report, policy, reporter, cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    /// <summary>What follows the checks once the store answers: the seeds into an empty store, then the model if awaited.</summary>
    public async Task ResumeAsync(StartupReport report, StartupPolicy policy, IStartupReporter reporter, CancellationToken cancellationToken)
    {
        if (policy.SeedEmptyStore)
        {
            await services.GetRequiredService<SeedIngestion>().IngestIfEmptyAsync(report, cancellationToken).ConfigureAwait(false);
        }

        if (policy.AwaitModelWhenAutoPull && services.GetRequiredService<IOptions<ModelLifecycleOptions>>().Value.AutoPull == true)
        {
            await services.GetRequiredService<ModelActivation>().StepAsync(autoPull: true, cancellationToken).ConfigureAwait(false);
            reporter.ModelAwaited(model.Message);
        }
    }

    /// <summary>The checks alone, as a host that only needs the services ready runs them (and the retry, until the store answers).</summary>
    public async Task<StartupReport> RunAsync(CancellationToken cancellationToken)
    {
        model.LoadRegistered(services);
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
            return new StartupReport(provider, model.Message, model.Problem, null, ex);
        }

        EmbeddingModelMismatchException? mismatch = null;
        string? chunking = null;
        if (model.ModelId is not null && services.GetService<QueryAndPassageEmbedder>() is { IsAvailable: true } embedder && stats.EmbeddingModel is { } stored && stored != embedder.Profile.ModelId)
        {
            mismatch = new EmbeddingModelMismatchException(stored, embedder.Profile.ModelId);
            model.Fail(mismatch.Message);
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
                return new StartupReport(provider, model.Message, model.Problem, null, ex);
            }
        }

        return new StartupReport(provider, model.Message, model.Problem, stats, null, mismatch, chunking);
    }

    /// <summary>One line at start when answers run with a model no threshold was fitted for, or the calibration file is unreadable.</summary>
    private void LogCalibration()
    {
        var logger = services.GetService<ILogger<NewsQaStartup>>();
        // Built first: reading the file is what records its problem.
        var threshold = services.GetRequiredService<AnswerThreshold>();
        var notice = services.GetRequiredService<CalibrationProblem>().Message ?? threshold.Notice(model.ModelId);
        if (notice is not null)
        {
            logger?.LogWarning("{Calibration}", notice);
        }

        // Weights are fitted by the same command, whose notice above covers both; a model with a threshold but no
        // weights (a file written before weights were fitted) gets its own line.
        var weights = services.GetRequiredService<FusionWeights>();
        if (notice is null && model.ModelId is { } modelId && !weights.IsCalibrated(modelId) && !threshold.ExplicitlyConfigured)
        {
            logger?.LogWarning("Fusion weights: {Source}", weights.Source(modelId));
        }
    }
}
