using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsQA.Hosting.Feeds;

/// <summary>
/// The state of every followed feed, for readiness and the log: one log line when a feed changes state (starts
/// failing, with the reason; recovers), not one per poll, and never a stack trace.
/// </summary>
public sealed partial class FeedStatusBoard(ILogger<FeedStatusBoard> logger, TimeProvider time)
{
    public const string Ok = "ok";
    public const string Failing = "failing";
    public const string Waiting = "waiting";

    private readonly ConcurrentDictionary<string, FeedStatus> feeds = new(StringComparer.Ordinal);

    public IReadOnlyList<FeedStatus> Snapshot() => [.. feeds.Values.OrderBy(f => f.Feed, StringComparer.Ordinal)];

    public void Register(Uri feed) => feeds.TryAdd(FeedStatus.Display(feed), new FeedStatus(FeedStatus.Display(feed), Waiting));

    public void Succeeded(Uri feed, PollOutcome outcome, DateTimeOffset nextPoll)
    {
        var name = FeedStatus.Display(feed);
        var before = feeds.GetValueOrDefault(name);
        feeds[name] = new FeedStatus(name, Ok)
        {
            LastSuccessAt = time.GetUtcNow(),
            NextPollAt = nextPoll,
            ItemsIngested = (before?.ItemsIngested ?? 0) + outcome.Ingested,
            ItemsRefused = (before?.ItemsRefused ?? 0) + outcome.Refused,
        };
        if (before?.State == Failing)
        {
            LogRecovered(logger, name);
        }

        if (outcome.Ingested > 0 || outcome.Refused > 0)
        {
            LogPolled(logger, name, outcome.Ingested, outcome.Refused);
        }
    }

    public void Failed(Uri feed, string reason, DateTimeOffset nextPoll)
    {
        var name = FeedStatus.Display(feed);
        var before = feeds.GetValueOrDefault(name);
        feeds[name] = (before ?? new FeedStatus(name, Failing)) with
        {
            State = Failing,
            LastError = reason,
            ConsecutiveFailures = (before?.ConsecutiveFailures ?? 0) + 1,
            NextPollAt = nextPoll,
        };
        if (before?.State != Failing)
        {
            LogFailing(logger, name, reason, nextPoll);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed} is failing: {Reason}; it is polled again at {NextPoll:u}, then less often while it fails")]
    private static partial void LogFailing(ILogger logger, string feed, string reason, DateTimeOffset nextPoll);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed} works again")]
    private static partial void LogRecovered(ILogger logger, string feed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: {Ingested} new or changed items ingested, {Refused} refused")]
    private static partial void LogPolled(ILogger logger, string feed, int ingested, int refused);
}
