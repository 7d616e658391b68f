using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Hosting.Feeds;
using NewsQA.Testing.Fakes;

namespace NewsQA.Hosting.Tests.Feeds;

/// <summary>
/// The fetcher's rules (docs/security.md, "Feeds and web pages"): private addresses refused unless allowed, only
/// http(s), redirects re-checked, responses bounded in size and time, one request at a time per host.
/// </summary>
public sealed class FetchSafetyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://x/</link><description>d</description></channel></rss>""";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.5")]
    [InlineData("192.168.178.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::5")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("224.0.0.1")]
    public void NonPublicAddresses_AreRefused_UnlessAllowed(string address)
    {
        Assert.False(NetworkAddressRules.MayConnect(IPAddress.Parse(address), allowPrivateNetworks: false));
        Assert.True(NetworkAddressRules.MayConnect(IPAddress.Parse(address), allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("2a00:1450:4001:82b::200e")]
    [InlineData("::ffff:93.184.215.14")]
    public void PublicAddresses_AreAllowed(string address) =>
        Assert.True(NetworkAddressRules.MayConnect(IPAddress.Parse(address), allowPrivateNetworks: false));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task LoopbackFeed_IsRefusedByDefault_AndNeverReached(string host)
    {
        await using var feeds = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feeds:AllowPrivateNetworks"] = "false" });
        feeds.Server.Serve("rss", Feed, "application/rss+xml");
        var url = new UriBuilder(feeds.Server.Url("rss")) { Host = host }.Uri;

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => feeds.Poller.PollAsync(url, Ct));

        Assert.Contains("private, loopback or link-local", refused.Message, StringComparison.Ordinal);
        Assert.Empty(feeds.Server.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/feed")]
    public async Task RedirectToAnotherScheme_IsRefused(string target)
    {
        await using var feeds = await FeedHost.StartAsync();
        feeds.Server.Serve("rss", new FakeFeedServer.Resource([], "text/html") { RedirectTo = target });

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => feeds.Poller.PollAsync(feeds.Server.Url("rss"), Ct));

        Assert.Contains("not http or https", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectToAForbiddenAddress_IsCheckedAgain_BeforeConnecting()
    {
        await using var feeds = await FeedHost.StartAsync();
        var port = feeds.Server.BaseUri.Port;
        feeds.Server.Serve("rss", new FakeFeedServer.Resource([], "text/html") { RedirectTo = $"http://127.0.0.2:{port}/internal" });
        var onlyTheFake = new PoliteFetcher(feeds.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FeedOptions>>(), TimeProvider.System, a => a.Equals(IPAddress.Loopback));

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => onlyTheFake.GetAsync(feeds.Server.Url("rss"), null, "*/*", Ct));

        Assert.Equal("127.0.0.2 is a private, loopback or link-local address (Feeds:AllowPrivateNetworks is off)", refused.Message);
        Assert.Single(feeds.Server.Requests);
    }

    [Fact]
    public async Task UnresolvableName_IsAOneLineReason()
    {
        await using var feeds = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feeds:AllowPrivateNetworks"] = "false" });

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => feeds.Poller.PollAsync(new Uri("http://feeds.invalid/rss"), Ct));

        Assert.DoesNotContain("Exception", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectLoop_StopsAtTheLimit()
    {
        await using var feeds = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feeds:MaxRedirects"] = "3" });
        feeds.Server.Serve("a", new FakeFeedServer.Resource([], "text/html") { RedirectTo = "/b" });
        feeds.Server.Serve("b", new FakeFeedServer.Resource([], "text/html") { RedirectTo = "/a" });

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => feeds.Poller.PollAsync(feeds.Server.Url("a"), Ct));

        Assert.Contains("more than 3 redirects", refused.Message, StringComparison.Ordinal);
        Assert.Equal(4, feeds.Server.Requests.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OversizeResponse_IsRefused_WithOrWithoutALength(bool chunked)
    {
        await using var feeds = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feeds:MaxResponseBytes"] = "4096" });
        var big = Encoding.UTF8.GetBytes(Feed.Replace("<title>t</title>", "<title>" + new string('x', 10_000) + "</title>", StringComparison.Ordinal));
        feeds.Server.Serve("rss", new FakeFeedServer.Resource(big, "application/rss+xml") { Chunked = chunked });

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => feeds.Poller.PollAsync(feeds.Server.Url("rss"), Ct));

        Assert.Contains("larger than 4096 bytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowResponse_TimesOut()
    {
        await using var feeds = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feeds:Timeout"] = "00:00:00.3" });
        feeds.Server.Serve("rss", new FakeFeedServer.Resource(Encoding.UTF8.GetBytes(Feed), "application/rss+xml") { Delay = TimeSpan.FromSeconds(5) });

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => feeds.Poller.PollAsync(feeds.Server.Url("rss"), Ct));

        Assert.Contains("no complete response within 0.3 s", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseCutMidway_IsRefused_NotIngestedHalf()
    {
        await using var feeds = await FeedHost.StartAsync();
        var page = FeedHost.Page("agency-004_6131d308b1147b31.html");
        feeds.Server.Serve("rss", Feed.Replace("</channel>", "<item><guid>cut-1</guid><link>" + feeds.Server.Url("cut") + "</link></item></channel>", StringComparison.Ordinal), "application/rss+xml");
        feeds.Server.Serve("cut", new FakeFeedServer.Resource(page, "text/html") { CutAfter = page.Length / 2 });

        var outcome = await feeds.Poller.PollAsync(feeds.Server.Url("rss"), Ct);

        Assert.Equal(new PollOutcome(0, 0, false), outcome);
        Assert.Null(await feeds.Store.GetAsync(FeedDocumentId.Of("cut-1"), Ct));
        feeds.Server.Serve("cut", new FakeFeedServer.Resource(page, "text/html"));
        Assert.Equal(1, (await feeds.Poller.PollAsync(feeds.Server.Url("rss"), Ct)).Ingested);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>kaputt</title><item><title>ohne Ende", "malformed feed")]
    [InlineData("<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>", "malformed feed")]
    [InlineData("<html><body>Keine Feed-Seite</body></html>", "not an RSS, Atom or JSON feed")]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [", "malformed feed")]
    public async Task BrokenFeeds_AreRefusedWithAReason(string body, string reason)
    {
        await using var feeds = await FeedHost.StartAsync();
        feeds.Server.Serve("rss", body, "application/rss+xml");

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => feeds.Poller.PollAsync(feeds.Server.Url("rss"), Ct));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneRequestAtATimePerHost_WithTheDelayBetween()
    {
        await using var feeds = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feeds:RequestDelay"] = "00:00:00.2" });
        foreach (var name in new[] { "a", "b", "c" })
        {
            feeds.Server.Serve(name, new FakeFeedServer.Resource(Encoding.UTF8.GetBytes(Feed), "application/rss+xml") { Delay = TimeSpan.FromMilliseconds(100) });
        }

        await Task.WhenAll(new[] { "a", "b", "c" }.Select(n => feeds.Poller.PollAsync(feeds.Server.Url(n), Ct)));

        Assert.Equal(1, feeds.Server.MaxConcurrent);
        var starts = feeds.Server.Requests.Select(r => r.At).Order().ToList();
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(280), $"requests {pair.Second - pair.First} apart"));
    }

    [Fact]
    public async Task ItemPageThatFails_IsRetriedOnLaterPolls_ThenCountedAsRefused()
    {
        await using var feeds = await FeedHost.StartAsync();
        feeds.Server.Serve("rss", Feed.Replace("</channel>", "<item><title>x</title><link>" + feeds.Server.Url("gone") + "</link></item></channel>", StringComparison.Ordinal), "application/rss+xml");

        var outcomes = new List<PollOutcome>();
        for (var i = 0; i < FeedMemoryAttempts + 1; i++)
        {
            outcomes.Add(await feeds.Poller.PollAsync(feeds.Server.Url("rss"), Ct));
        }

        Assert.Equal([0, 0, 1, 0], outcomes.Select(o => o.Refused));
        Assert.Equal(FeedMemoryAttempts, feeds.Server.CountOf("gone"));
        Assert.Contains(feeds.Log.Entries, e => e.Message.Contains("refused: HTTP 404", StringComparison.Ordinal) && e.Exception is null);
    }

    private const int FeedMemoryAttempts = 3;
}
