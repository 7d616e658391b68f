using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsQA.Hosting.Feeds;
using NewsQA.Testing.Fakes;

namespace NewsQA.Hosting.Tests.Feeds;

/// <summary>A failing feed backs off, is shown per feed, and is logged once per change of state without a stack trace.</summary>
public sealed class FeedWatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://x/</link><description>d</description></channel></rss>""";

    [Fact]
    public void Backoff_DoublesPerFailure_UpToThirtyTwoIntervals_WithATenthOfJitter()
    {
        var interval = TimeSpan.FromMinutes(15);

        Assert.Equal(interval, FeedWatcher.Delay(interval, 0, 0));
        Assert.Equal(interval * 4, FeedWatcher.Delay(interval, 2, 0));
        Assert.Equal(interval * 32, FeedWatcher.Delay(interval, 9, 0));
        Assert.Equal(interval * 1.1, FeedWatcher.Delay(interval, 0, 1));
        Assert.Equal(interval * 0.9, FeedWatcher.Delay(interval, 0, -1));
    }

    [Fact]
    public async Task FailingFeed_IsShownAndLoggedOnce_ThenRecovers()
    {
        await using var host = await FeedHost.StartAsync();
        var watcher = host.Services.GetRequiredService<FeedWatcher>();
        var board = host.Services.GetRequiredService<FeedStatusBoard>();
        var source = new FeedSource { Url = host.Server.Url("rss?token=secret"), Interval = TimeSpan.FromMinutes(1) };
        host.Server.Serve("rss", new FakeFeedServer.Resource([], "application/rss+xml") { Status = 503 });

        for (var failures = 0; failures < 3; failures++)
        {
            Assert.False(await watcher.PollOnceAsync(source, failures, Ct));
        }

        var failing = Assert.Single(board.Snapshot());
        host.Server.Serve("rss", Feed, "application/rss+xml");
        Assert.True(await watcher.PollOnceAsync(source, 3, Ct));
        var recovered = Assert.Single(board.Snapshot());

        Assert.Equal((FeedStatusBoard.Failing, "HTTP 503", 3), (failing.State, failing.LastError, failing.ConsecutiveFailures));
        Assert.Equal(host.Server.Url("rss").AbsoluteUri, failing.Feed);
        Assert.Equal((FeedStatusBoard.Ok, 0), (recovered.State, recovered.ConsecutiveFailures));
        var lines = host.Log.Entries.Where(e => e.Category.EndsWith(nameof(FeedStatusBoard), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("is failing: HTTP 503", lines[0].Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Warning, lines[0].Level);
        Assert.Contains("works again", lines[1].Message, StringComparison.Ordinal);
        Assert.All(host.Log.Entries, e => Assert.Null(e.Exception));
        Assert.All(host.Log.Entries, e => Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingFeed_IsPolledLessOften_WhileAHealthyOneKeepsItsInterval()
    {
        await using var host = await FeedHost.StartAsync();
        host.Server.Serve("broken", "<rss><channel><item>", "application/rss+xml");
        host.Server.Serve("good", new FakeFeedServer.Resource(System.Text.Encoding.UTF8.GetBytes(Feed), "application/rss+xml") { ETag = "\"1\"" });
        var interval = TimeSpan.FromMilliseconds(100);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(2));

        await host.Services.GetRequiredService<FeedWatcher>().RunAsync(
            [new FeedSource { Url = host.Server.Url("broken"), Interval = interval }, new FeedSource { Url = host.Server.Url("good"), Interval = interval }], stop.Token);

        // Two seconds at 0.1 s: the healthy feed about 20 times; the failing one after 0.2, 0.4, 0.8, 1.6 s of rest.
        Assert.InRange(host.Server.CountOf("broken"), 2, 6);
        Assert.True(host.Server.CountOf("good") >= 8, $"good feed polled {host.Server.CountOf("good")} times");
    }
}
