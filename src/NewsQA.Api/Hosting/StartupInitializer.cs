using NewsQA.Hosting;
using Microsoft.Extensions.Options;
using NewsQA.Api.Security;
using NewsQA.Core.Embedding;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Pipeline;
using NewsQA.Core.Storage;

namespace NewsQA.Api.Hosting;

/// <summary>
/// Runs before the server accepts requests: opens the store, checks stored vectors match the configured
/// model, and ingests the seeds into an empty store, so the first request already gets answers.
/// A store that cannot be reached does not stop the process: readiness reports it until it recovers.
/// </summary>
internal sealed partial class StartupInitializer(
    INewsStore store,
    IngestPipeline pipeline,
    ServiceStatus status,
    IOptions<SeedOptions> seeds,
    IServiceProvider services,
    IOptions<AuthOptions> auth,
    IOptions<RateLimitOptions> rateLimit,
    ILogger<StartupInitializer> logger,
    DenseEncoder? encoder = null) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        services.ResolveEmbeddings(status);
        LogMode(logger, status.StoreProvider, status.EmbeddingMessage);
        if (status.EmbedderProblem is { } problem)
        {
            LogEmbedderProblem(logger, problem);
        }

        LogAccess();
        StoreStatistics stats;
        try
        {
            await store.InitializeAsync(cancellationToken);
            stats = await store.GetStatisticsAsync(cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            LogStoreUnavailable(logger, ex.Component, ex.Message);
            return;
        }

        if (encoder is not null && stats.EmbeddingModel is { } stored && stored != encoder.Profile.ModelId)
        {
            var mismatch = new EmbeddingModelMismatchException(stored, encoder.Profile.ModelId);
            status.EmbedderProblem = mismatch.Message;
            LogModelMismatch(logger, mismatch.Message);
        }

        if (seeds.Value.IngestOnEmpty && stats.Documents == 0 && status.EmbedderProblem is null)
        {
            await IngestSeedsAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Says at start who may write and read, so an operator sees an open or loopback-only set-up at once.</summary>
    private void LogAccess()
    {
        var a = auth.Value;
        if (string.IsNullOrEmpty(a.ApiKey))
        {
            LogWritesLoopbackOnly(logger);
        }
        else
        {
            LogWritesKeyed(logger, a.RequireKeyForReads ? "need the key too" : "are open");
        }

        var r = rateLimit.Value;
        if (r.Enabled)
        {
            LogRateLimit(logger, r.PermitsPerMinute, r.KeyedPermitsPerMinute);
        }
        else
        {
            LogRateLimitOff(logger);
        }
    }

    private async Task IngestSeedsAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(seeds.Value.Path);
        if (!Directory.Exists(path))
        {
            LogNoSeeds(logger, path);
            return;
        }

        var ingested = 0;
        foreach (var file in DocumentFileReader.ExpandPaths([path]))
        {
            foreach (var read in DocumentFileReader.Read(file))
            {
                if (read.Input is null)
                {
                    LogSeedSkipped(logger, read.Origin, read.Error ?? "unreadable");
                    continue;
                }

                try
                {
                    await pipeline.IngestAsync(read.Input, cancellationToken);
                    ingested++;
                }
                catch (DocumentRejectedException ex)
                {
                    LogSeedSkipped(logger, read.Origin, ex.Message);
                }
            }
        }

        LogSeeded(logger, ingested, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Provider}. Embeddings: {EmbeddingMessage}")]
    private static partial void LogMode(ILogger logger, string provider, string embeddingMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writes are loopback-only: no Auth:ApiKey is configured, so ingest/update/delete are accepted only from this machine. Reads are open.")]
    private static partial void LogWritesLoopbackOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Writes need the X-Api-Key header (Auth:ApiKey); reads {ReadAccess}.")]
    private static partial void LogWritesKeyed(ILogger logger, string readAccess);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit on /api: {PermitsPerMinute}/min per client IP, {KeyedPermitsPerMinute}/min with the API key.")]
    private static partial void LogRateLimit(ILogger logger, int permitsPerMinute, int keyedPermitsPerMinute);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limiting is off (RateLimit:Enabled=false).")]
    private static partial void LogRateLimitOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Component} is unavailable at start: {Message}. The API answers 503 until it recovers.")]
    private static partial void LogStoreUnavailable(ILogger logger, string component, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedder unusable: {Problem}")]
    private static partial void LogEmbedderProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogModelMismatch(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeds folder {Path} not found; starting with an empty store")]
    private static partial void LogNoSeeds(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed {Origin} skipped: {Reason}")]
    private static partial void LogSeedSkipped(ILogger logger, string origin, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Count} seed documents from {Path}")]
    private static partial void LogSeeded(ILogger logger, int count, string path);
}
