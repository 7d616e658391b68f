using Microsoft.Extensions.Logging;

namespace NewsQA.Hosting.Feeds;

/// <summary>
/// Follows feeds until stopped, each on its own schedule: polled every <see cref="FeedSource.Interval"/>, moved by up to
/// a tenth of it at random so feeds and replicas do not poll in step; a failing feed waits twice as long after each
/// failure in a row (at most 32 intervals) and is back on its interval once it works. A feed's failure touches no
/// other feed and no request: polls run in the background, and ingest takes per-document locks only.
/// </summary>
public sealed partial class FeedWatcher(FeedPoller poller, FeedStatusBoard board, TimeProvider time, ILogger<FeedWatcher> logger)
{
    private const int MaxBackoffFactor = 32;

    /// <summary>Follows <paramref name="sources"/> until <paramref name="ct"/> is cancelled, then returns (also in the middle of a poll).</summary>
    public Task RunAsync(IReadOnlyList<FeedSource> sources, CancellationToken ct)
    {
        foreach (var source in sources)
        {
            board.Register(source.Url!);
        }

        return Task.WhenAll(sources.Select(s => FollowAsync(s, ct)));
    }

    /// <summary>One poll, reported on the board; true when it worked.</summary>
    public async Task<bool> PollOnceAsync(FeedSource source, int failuresBefore, CancellationToken ct)
    {
        try
        {
            var outcome = await poller.PollAsync(source.Url!, source.Collection, ct).ConfigureAwait(false);
            board.Succeeded(source.Url!, outcome, time.GetUtcNow() + source.Interval);
            return true;
        }
        catch (FetchRefusedException ex)
        {
            board.Failed(source.Url!, ex.Message, time.GetUtcNow() + Delay(source.Interval, failuresBefore + 1, jitter: 0));
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The store or the model failed while items were being written: the feed is fine, the items come again.
            LogIngestFailed(logger, FeedStatus.Display(source.Url!), ex.GetType().Name);
            board.Failed(source.Url!, "its items could not be stored (see the store in readiness)", time.GetUtcNow() + Delay(source.Interval, failuresBefore + 1, jitter: 0));
            return false;
        }
    }

    private async Task FollowAsync(FeedSource source, CancellationToken ct)
    {
        var failures = 0;
        await Wait(TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * Math.Min(source.Interval.Ticks / 10, TimeSpan.TicksPerSecond * 5))), ct).ConfigureAwait(false);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                failures = await PollOnceAsync(source, failures, ct).ConfigureAwait(false) ? 0 : failures + 1;
                await Wait(Delay(source.Interval, failures, Random.Shared.NextDouble() * 2 - 1), ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped in the middle of a poll: what was ingested stays, the rest comes with the next poll.
        }
    }

    /// <summary>The interval, doubled per failure in a row up to <see cref="MaxBackoffFactor"/>, moved by <paramref name="jitter"/> (−1..1) tenths.</summary>
    public static TimeSpan Delay(TimeSpan interval, int failures, double jitter)
    {
        var factor = Math.Min(Math.Pow(2, failures), MaxBackoffFactor);
        return interval * factor * (1 + jitter / 10);
    }

    private async Task Wait(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop sees the token.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed}: storing its items failed ({Error})")]
    private static partial void LogIngestFailed(ILogger logger, string feed, string error);
}
