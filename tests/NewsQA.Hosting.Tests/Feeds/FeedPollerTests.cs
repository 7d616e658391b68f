using System.Text;
using NewsQA.Core.Documents;
using NewsQA.Core.Ingest.Cleaning;

using NewsQA.Hosting.Feeds;
using NewsQA.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace NewsQA.Hosting.Tests.Feeds;

/// <summary>What a poll ingests from recorded feeds and pages on the fake feed server, and that nothing is fetched twice.</summary>
public sealed class FeedPollerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Rss = "feeds/ausland.rss";
    private const string PageA = "politik/ausland/002_c3aff394776cafa8.html";
    private const string PageB = "news/ukraine-usa-militaerhilfe-17402211";

    private static void ServeRss(FeedHost host, string etag = "\"v1\"")
    {
        host.Server.Serve(Rss, new FakeFeedServer.Resource(host.RecordedFeed("rss.xml"), "application/rss+xml; charset=utf-8") { ETag = etag });
        host.Server.Serve(PageA, new FakeFeedServer.Resource(FeedHost.Page("newspaper-002_c3aff394776cafa8.html"), "text/html; charset=utf-8"));
        host.Server.Serve(PageB, new FakeFeedServer.Resource(FeedHost.Page("agency-004_6131d308b1147b31.html"), "text/html; charset=utf-8"));
    }

    [Fact]
    public async Task RssItems_AreIngestedFromTheirPages_AsTheSeedsTextUnderTheItemsId()
    {
        await using var host = await FeedHost.StartAsync();
        ServeRss(host);

        var outcome = await host.Poller.PollAsync(host.Server.Url(Rss), Ct);

        Assert.Equal(new PollOutcome(2, 0, false), outcome);
        var document = await host.Store.GetAsync(FeedDocumentId.Of("tagesbote-ausland-77021"), Ct);
        Assert.NotNull(document);
        Assert.Equal(Clean(FeedHost.SeedText("002_c3aff394776cafa8")), document.Text);
        Assert.Equal("Die Lage im Überblick: Kiew und Moskau schmieden an ihren Allianzen", document.Title);
        var agency = await host.Store.GetAsync(FeedDocumentId.Of(host.Server.Url(PageB).AbsoluteUri), Ct);
        Assert.Equal("https://ticker.example/news/ukraine-usa-militaerhilfe-17402211", agency!.Url);
        Assert.All(host.Server.Requests, r => Assert.StartsWith("NewsQA/", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFeedFollowedIntoTwoCollections_IsIngestedIntoEach_UnderItsOwnKey()
    {
        await using var host = await FeedHost.StartAsync();
        ServeRss(host);
        var id = FeedDocumentId.Of("tagesbote-ausland-77021");

        var agency = await host.Poller.PollAsync(host.Server.Url(Rss), "agency", Ct);
        var desk = await host.Poller.PollAsync(host.Server.Url(Rss), "desk", Ct);

        // Each collection is its own feed: its own conditional GET state, its own documents; default gets nothing.
        Assert.Equal(new PollOutcome(2, 0, false), agency);
        Assert.Equal(new PollOutcome(2, 0, false), desk);
        Assert.Equal("agency", DocumentKey.CollectionOf((await host.Store.GetAsync(DocumentKey.Of("agency", id), Ct))!.Id));
        Assert.Equal("desk", DocumentKey.CollectionOf((await host.Store.GetAsync(DocumentKey.Of("desk", id), Ct))!.Id));
        Assert.Null(await host.Store.GetAsync(id, Ct));
    }

    [Fact]
    public async Task SecondPoll_AsksConditionally_AndFetchesNoPageAgain()
    {
        await using var host = await FeedHost.StartAsync();
        ServeRss(host);
        await host.Poller.PollAsync(host.Server.Url(Rss), Ct);

        var second = await host.Poller.PollAsync(host.Server.Url(Rss), Ct);

        Assert.True(second.NotModified);
        Assert.Equal("\"v1\"", host.Server.Requests.Last(r => r.Path == "/" + Rss).IfNoneMatch);
        Assert.Equal(1, host.Server.CountOf(PageA));
        Assert.Equal(1, host.Server.CountOf(PageB));
    }

    [Fact]
    public async Task LastModified_IsSentBack_WhenTheFeedHasNoETag()
    {
        await using var host = await FeedHost.StartAsync();
        ServeRss(host);
        var modified = new DateTimeOffset(2025, 7, 3, 6, 0, 0, TimeSpan.Zero);
        host.Server.Serve(Rss, new FakeFeedServer.Resource(host.RecordedFeed("rss.xml"), "application/rss+xml") { LastModified = modified });
        await host.Poller.PollAsync(host.Server.Url(Rss), Ct);

        var second = await host.Poller.PollAsync(host.Server.Url(Rss), Ct);

        Assert.True(second.NotModified);
        Assert.Equal(modified, DateTimeOffset.Parse(host.Server.Requests.Last().IfModifiedSince!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ItemThatDisappearsAndReappears_IsNotFetchedAgain()
    {
        await using var host = await FeedHost.StartAsync();
        ServeRss(host);
        var full = host.RecordedFeed("rss.xml");
        await host.Poller.PollAsync(host.Server.Url(Rss), Ct);
        var withoutA = Encoding.UTF8.GetString(full);
        var start = withoutA.IndexOf("<item>", StringComparison.Ordinal);
        withoutA = withoutA.Remove(start, withoutA.IndexOf("</item>", start, StringComparison.Ordinal) + "</item>".Length - start);
        host.Server.Serve(Rss, new FakeFeedServer.Resource(Encoding.UTF8.GetBytes(withoutA), "application/rss+xml") { ETag = "\"v2\"" });
        var gone = await host.Poller.PollAsync(host.Server.Url(Rss), Ct);
        host.Server.Serve(Rss, new FakeFeedServer.Resource(full, "application/rss+xml") { ETag = "\"v3\"" });

        var back = await host.Poller.PollAsync(host.Server.Url(Rss), Ct);

        Assert.Equal(new PollOutcome(0, 0, false), gone);
        Assert.Equal(new PollOutcome(0, 0, false), back);
        Assert.Equal(1, host.Server.CountOf(PageA));
        Assert.Equal(3, host.Server.CountOf(Rss));
    }

    [Fact]
    public async Task AfterARestart_StoredItemsAreNotFetchedAgain()
    {
        await using var host = await FeedHost.StartAsync();
        ServeRss(host);
        await host.Poller.PollAsync(host.Server.Url(Rss), Ct);
        var restarted = ActivatorUtilities.CreateInstance<FeedPoller>(host.Services);

        var outcome = await restarted.PollAsync(host.Server.Url(Rss), Ct);

        Assert.Equal(new PollOutcome(0, 0, false), outcome);
        Assert.Equal(2, host.Server.CountOf(Rss));
        Assert.Equal(1, host.Server.CountOf(PageA));
    }

    [Fact]
    public async Task AtomWithFullContent_IsIngestedWithoutFetchingThePage()
    {
        await using var host = await FeedHost.StartAsync();
        host.Server.Serve("feeds/newsblog.atom", new FakeFeedServer.Resource(host.RecordedFeed("atom-full.xml"), "application/atom+xml"));

        var outcome = await host.Poller.PollAsync(host.Server.Url("feeds/newsblog.atom"), Ct);

        Assert.Equal(1, outcome.Ingested);
        Assert.Equal(0, host.Server.CountOf("politik/israel-ukraine-luftverteidigung"));
        var document = (await host.Store.GetAsync(FeedDocumentId.Of("tag:netzkurier.example,2025:entry-5521"), Ct))!;
        Assert.Equal("Ukraine und Israel beraten über Luftverteidigung", document.Title);
        Assert.Equal("2025-07-02", document.PublishedAt?.ToString());
        Assert.StartsWith("Die Ukraine und Israel haben nach Angaben", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Teilen", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonFeed_ItemPageBehindARedirect_IsFollowedAndIngested()
    {
        await using var host = await FeedHost.StartAsync();
        host.Server.Serve("feeds/feed.json", new FakeFeedServer.Resource(host.RecordedFeed("feed.json"), "application/feed+json"));
        var article = "2024/04/30/iran-regierung-vereinbart-engere-zusammenarbeit-mit-russland/";
        host.Server.Serve(article, new FakeFeedServer.Resource([], "text/html") { RedirectTo = "/p/4711" });
        host.Server.Serve("p/4711", new FakeFeedServer.Resource(FeedHost.Page("blog-003_b1145628e41e4b68.html"), "text/html"));

        var outcome = await host.Poller.PollAsync(host.Server.Url("feeds/feed.json"), Ct);

        Assert.Equal(1, outcome.Ingested);
        var document = (await host.Store.GetAsync(FeedDocumentId.Of("4711"), Ct))!;
        Assert.Equal(Clean(FeedHost.SeedText("003_b1145628e41e4b68")), document.Text);
        Assert.Equal("Perspektive Online", document.Source);
    }

    [Fact]
    public async Task Latin1Feed_AndAPageWithAWrongCharset_ReadRight()
    {
        await using var host = await FeedHost.StartAsync();
        host.Server.Serve("lokal.rss", new FakeFeedServer.Resource(host.RecordedFeed("latin1.rss"), "application/rss+xml; charset=iso-8859-1"));
        host.Server.Serve(Rss, new FakeFeedServer.Resource(host.RecordedFeed("rss.xml"), "application/rss+xml"));
        host.Server.Serve(PageA, new FakeFeedServer.Resource(FeedHost.Page("newspaper-002_c3aff394776cafa8.html"), "text/html; charset=iso-8859-1"));
        host.Server.Serve(PageB, new FakeFeedServer.Resource(FeedHost.Page("agency-004_6131d308b1147b31.html"), "text/html; charset=bogus"));

        await host.Poller.PollAsync(host.Server.Url("lokal.rss"), Ct);
        await host.Poller.PollAsync(host.Server.Url(Rss), Ct);

        Assert.Contains("Das große Straßenfest in München", (await host.Store.GetAsync(FeedDocumentId.Of("lokal-1"), Ct))!.Text, StringComparison.Ordinal);
        Assert.Equal(Clean(FeedHost.SeedText("002_c3aff394776cafa8")), (await host.Store.GetAsync(FeedDocumentId.Of("tagesbote-ausland-77021"), Ct))!.Text);
    }

    [Fact]
    public async Task ChangedItem_IsReadAgainAndUpdated()
    {
        await using var host = await FeedHost.StartAsync();
        host.Server.Serve("feeds/newsblog.atom", new FakeFeedServer.Resource(host.RecordedFeed("atom-full.xml"), "application/atom+xml") { ETag = "\"a\"" });
        await host.Poller.PollAsync(host.Server.Url("feeds/newsblog.atom"), Ct);
        var changed = Encoding.UTF8.GetString(host.RecordedFeed("atom-full.xml"))
            .Replace("<updated>2025-07-02T18:05:00+02:00</updated>\n    <summary>", "<updated>2025-07-02T19:30:00+02:00</updated>\n    <summary>", StringComparison.Ordinal)
            .Replace("im Kurznachrichtendienst X mit.", "im Kurznachrichtendienst X mit. Ein Treffen in Jerusalem sei geplant.", StringComparison.Ordinal);
        host.Server.Serve("feeds/newsblog.atom", new FakeFeedServer.Resource(Encoding.UTF8.GetBytes(changed), "application/atom+xml") { ETag = "\"b\"" });

        var outcome = await host.Poller.PollAsync(host.Server.Url("feeds/newsblog.atom"), Ct);

        Assert.Equal(1, outcome.Ingested);
        Assert.Contains("Ein Treffen in Jerusalem sei geplant.", (await host.Store.GetAsync(FeedDocumentId.Of("tag:netzkurier.example,2025:entry-5521"), Ct))!.Text, StringComparison.Ordinal);
    }

    private static string Clean(string seed) => ArticleCleaner.Clean(seed).Text;
}
