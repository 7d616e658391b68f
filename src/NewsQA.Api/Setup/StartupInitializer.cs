using Microsoft.Extensions.Options;
using NewsQA.Api.Security;
using NewsQA.Hosting.Startup;

namespace NewsQA.Api.Setup;

/// <summary>
/// Runs NewsQA.Hosting's one start-up path before the server accepts requests (embedder, store, model check,
/// seeds into an empty store) and logs what it found, with who may write and read, so an operator sees the
/// set-up at once. A store that cannot be reached does not stop the process: readiness reports it while
/// <see cref="StoreStartupRetry"/> keeps trying in the background, and once it answers the seeds go in as on a normal start.
/// </summary>
internal sealed partial class StartupInitializer(
    NewsQaStartup startup,
    StoreStartupRetry retry,
    IOptions<AuthOptions> auth,
    IOptions<RateLimitOptions> rateLimit,
    ILogger<StartupInitializer> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task recovery = Task.CompletedTask;
    private int stopped;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await startup.RunAsync(cancellationToken);
        LogMode(logger, report.StoreProvider, report.EmbeddingMessage);
        if (report.EmbedderProblem is { } problem)
        {
            LogEmbedderProblem(logger, problem);
        }

        if (report.ChunkingNotice is { } chunking)
        {
            LogChunkingNotice(logger, chunking);
        }

        LogAccess();
        if (report.StoreError is { } storeError)
        {
            LogStoreUnavailable(logger, storeError.ComponentSubject, storeError.Message);
            recovery = RecoverAsync(report, stopping.Token);
            return;
        }

        await SeedAsync(report, cancellationToken);
    }

    /// <summary>
    /// Idempotent: a host (or a test factory) may stop twice, and may stop after the service was disposed (a fresh-clone
    /// CI run saw WebApplicationFactory.DisposeAsync do so: CancelAsync on the disposed token threw); the token is
    /// disposed with the service, not here.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        await recovery.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        // A stop after this finds the service stopped: there is nothing left to cancel or wait for.
        Interlocked.Exchange(ref stopped, 1);
        stopping.Dispose();
    }

    private async Task RecoverAsync(StartupReport failed, CancellationToken cancellationToken)
    {
        try
        {
            var report = await retry.UntilAvailableAsync(failed, cancellationToken);
            if (report.EmbedderProblem is { } problem)
            {
                LogEmbedderProblem(logger, problem);
            }

            await SeedAsync(report, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down before the store came.
        }
        catch (NewsQA.Core.Storage.StoreUnavailableException ex)
        {
            // The store went away again while seeding: reads and writes report it; the next start seeds.
            LogStoreUnavailable(logger, ex.ComponentSubject, ex.Message);
        }
    }

    private async Task SeedAsync(StartupReport report, CancellationToken cancellationToken)
    {
        if (await startup.SeedIfEmptyAsync(report, cancellationToken) is { } seeds)
        {
            foreach (var (origin, reason) in seeds.Skipped)
            {
                LogSeedSkipped(logger, origin, reason);
            }

            if (seeds.FolderFound)
            {
                LogSeeded(logger, seeds.Ingested, seeds.Path);
            }
            else
            {
                LogNoSeeds(logger, seeds.Path);
            }
        }
    }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "{Component} is unavailable; the API answers 503 and retries in the background until it answers. Reason: {Message}")]
    private static partial void LogStoreUnavailable(ILogger logger, string component, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedder unusable: {Problem}")]
    private static partial void LogEmbedderProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Notice}")]
    private static partial void LogChunkingNotice(ILogger logger, string notice);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeds folder {Path} not found; starting with an empty store")]
    private static partial void LogNoSeeds(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed {Origin} skipped: {Reason}")]
    private static partial void LogSeedSkipped(ILogger logger, string origin, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Count} seed documents from {Path}")]
    private static partial void LogSeeded(ILogger logger, int count, string path);
}
