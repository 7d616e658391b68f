using Microsoft.Extensions.Logging;

namespace NewsQA.Hosting.Startup;

/// <summary>
/// When the store is not there yet at start (compose starts Qdrant and the API together), runs the start-up checks
/// again with a growing pause until the store answers, so the host can then create what is missing and ingest the
/// seeds. Meanwhile readiness reports the store as failing (503 naming it) and requests get 503s.
/// </summary>
public sealed partial class StoreStartupRetry(NewsQaStartup startup, ILogger<StoreStartupRetry> logger)
{
    /// <summary>First pause; doubles per failed try up to <see cref="MaxDelay"/>, so a long outage costs one probe every 15 s.</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);

    /// <summary>Returns the first report with the store available, starting from <paramref name="failed"/>; stops when cancelled.</summary>
    public async Task<StartupReport> UntilAvailableAsync(StartupReport failed, CancellationToken cancellationToken, TimeSpan? initialDelay = null)
    {
        var report = failed;
        var delay = initialDelay ?? InitialDelay;
        for (var attempt = 1; !report.StoreAvailable; attempt++)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            report = await startup.RunAsync(cancellationToken).ConfigureAwait(false);
            if (report.StoreError is { } error)
            {
                LogStillUnavailable(logger, error.Component, attempt, delay.TotalSeconds, error.Message);
            }
        }

        LogAvailable(logger, report.StoreProvider);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Component} still unavailable after {Attempt} retries; next try in {DelaySeconds} s: {Message}")]
    private static partial void LogStillUnavailable(ILogger logger, string component, int attempt, double delaySeconds, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Provider} is available now: schema ensured")]
    private static partial void LogAvailable(ILogger logger, string provider);
}
