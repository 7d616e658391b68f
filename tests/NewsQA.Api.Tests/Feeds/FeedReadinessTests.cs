using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NewsQA.Testing;
using NewsQA.Testing.Fakes;

namespace NewsQA.Api.Tests.Feeds;

/// <summary>
/// The API following <c>Feeds:Sources</c> in the background against the fake feed server: items arrive as documents,
/// readiness shows each feed's state, and neither a failing nor a hanging feed keeps search from answering.
/// </summary>
public sealed class FeedReadinessTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakeFeedServer server = null!;

    /// <summary>Another site: the hanging feed holds its own host (one request at a time per host), not the other feeds'.</summary>
    private FakeFeedServer slowSite = null!;

    public async ValueTask InitializeAsync()
    {
        server = await FakeFeedServer.StartAsync(Ct);
        slowSite = await FakeFeedServer.StartAsync(Ct);
        var feed = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.TestData, "feeds", "rss.xml"), Ct)).Replace("{base}", server.BaseUri.AbsoluteUri, StringComparison.Ordinal);
        server.Serve("ausland.rss", new FakeFeedServer.Resource(Encoding.UTF8.GetBytes(feed), "application/rss+xml") { ETag = "\"1\"" });
        server.Serve("politik/ausland/002_c3aff394776cafa8.html", new FakeFeedServer.Resource(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.TestData, "html", "newspaper-002_c3aff394776cafa8.html"), Ct), "text/html"));
        server.Serve("news/ukraine-usa-militaerhilfe-17402211", new FakeFeedServer.Resource(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.TestData, "html", "agency-004_6131d308b1147b31.html"), Ct), "text/html"));
        server.Serve("broken.rss", new FakeFeedServer.Resource([], "application/rss+xml") { Status = 500 });
        slowSite.Serve("hanging.rss", new FakeFeedServer.Resource([], "application/rss+xml") { Delay = TimeSpan.FromMinutes(5) });
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        await slowSite.DisposeAsync();
    }

    [Fact]
    public async Task FeedItemsArrive_ReadinessShowsEachFeed_AndSearchNeverWaits()
    {
        await using var app = new NewsQaApplication(new Dictionary<string, string?>
        {
            ["Seeds:IngestOnEmpty"] = "false",
            ["Feeds:AllowPrivateNetworks"] = "true",
            ["Feeds:RequestDelay"] = "00:00:00",
            ["Feeds:Timeout"] = "00:01:00",
            ["Feeds:Sources:0:Url"] = server.Url("ausland.rss").AbsoluteUri,
            ["Feeds:Sources:0:Interval"] = "00:00:00.5",
            ["Feeds:Sources:1:Url"] = server.Url("broken.rss").AbsoluteUri,
            ["Feeds:Sources:2:Url"] = slowSite.Url("hanging.rss").AbsoluteUri,
        });
        using var client = app.CreateClient();

        var feeds = await WaitForAsync(client, f => f.Any(x => x!["state"]!.GetValue<string>() == "ok" && x["itemsIngested"]!.GetValue<int>() == 2)
            && f.Any(x => x!["state"]!.GetValue<string>() == "failing"));
        var started = DateTime.UtcNow;
        using var search = await client.PostAsync("/api/search", JsonContent("""{"query":"Wie viele Raketen will die Ukraine produzieren?"}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "search waited for a feed");
        var hits = JsonNode.Parse(await search.Content.ReadAsStringAsync(Ct))!["results"]!.AsArray();
        Assert.StartsWith("feed-", hits[0]!["documentId"]!.GetValue<string>(), StringComparison.Ordinal);
        var broken = feeds.Single(f => f!["feed"]!.GetValue<string>().EndsWith("broken.rss", StringComparison.Ordinal))!;
        Assert.Equal("HTTP 500", broken["lastError"]!.GetValue<string>());
        var hanging = feeds.Single(f => f!["feed"]!.GetValue<string>().EndsWith("hanging.rss", StringComparison.Ordinal))!;
        Assert.Equal("waiting", hanging["state"]!.GetValue<string>());
    }

    private static async Task<JsonArray> WaitForAsync(HttpClient client, Func<JsonArray, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync("/health/ready", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var feeds = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["feeds"]!.AsArray();
            if (done(feeds) || attempt == 150)
            {
                Assert.True(done(feeds), "readiness never showed the feeds as expected: " + feeds.ToJsonString());
                return feeds;
            }

            await Task.Delay(100, Ct);
        }
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");
}
