using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsQA.Core.Storage;
using NewsQA.Hosting.ModelLifecycle;

namespace NewsQA.Hosting.Startup;

/// <summary>
/// The start-up path as a long-running host (the API) runs it before serving: <see cref="NewsQaStartup.StartAsync"/>
/// under <see cref="StartupPolicy.Service"/>, told through the host's <see cref="IStartupReporter"/>. A store that
/// cannot be reached does not stop the process: readiness reports it while <see cref="StoreStartupRetry"/> keeps
/// trying in the background, and once it answers the seeds go in as on a normal start. The model comes in after, in
/// the background too (<see cref="ModelActivationService"/>, registered after this).
/// </summary>
public sealed partial class NewsQaStartupService(
    NewsQaStartup startup,
    StoreStartupRetry retry,
    IStartupReporter reporter,
    ILogger<NewsQaStartupService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task recovery = Task.CompletedTask;
    private int stopped;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await startup.StartAsync(StartupPolicy.Service, reporter, cancellationToken).ConfigureAwait(false);
        if (report.StoreError is { } storeError)
        {
            LogStoreUnavailable(logger, storeError.ComponentSubject, storeError.Message);
            recovery = RecoverAsync(report, stopping.Token);
        }
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

        try
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check above and the cancel (a test factory's dispose and stop overlapping): the
            // service is gone, and with it anything left to cancel.
            return;
        }

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
            var report = await retry.UntilAvailableAsync(failed, cancellationToken).ConfigureAwait(false);
            if (report.EmbedderProblem is { } problem)
            {
                LogEmbedderProblem(logger, problem);
            }

            await startup.ResumeAsync(report, StartupPolicy.Service, reporter, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down before the store came.
        }
        catch (StoreUnavailableException ex)
        {
            // The store went away again while seeding: reads and writes report it; the next start seeds.
            LogStoreUnavailable(logger, ex.ComponentSubject, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Component} is unavailable; the API answers 503 and retries in the background until it answers. Reason: {Message}")]
    private static partial void LogStoreUnavailable(ILogger logger, string component, string message);

    /// <summary>As the reporter says it at start, for a store that came later: the checks it needed ran only now.</summary>
    [LoggerMessage(Level = LogLevel.Error, Message = "Embedder unusable: {Problem}")]
    private static partial void LogEmbedderProblem(ILogger logger, string problem);
}
