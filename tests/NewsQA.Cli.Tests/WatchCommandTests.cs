using System.Text;
using NewsQA.Testing;
using NewsQA.Testing.Fakes;

namespace NewsQA.Cli.Tests;

/// <summary><c>newsqa watch FEED --once</c> against the fake feed server, as a user runs it from a shell.</summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class WatchCommandTests : IAsyncLifetime
{
    private readonly TempFolder work = new("newsqa-watch-");
    private FakeFeedServer server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> AllowLoopback = new() { ["Feeds__AllowPrivateNetworks"] = "true", ["Feeds__RequestDelay"] = "00:00:00" };

    public async ValueTask InitializeAsync()
    {
        server = await FakeFeedServer.StartAsync(Ct);
        var feed = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.TestData, "feeds", "rss.xml"), Ct)).Replace("{base}", server.BaseUri.AbsoluteUri, StringComparison.Ordinal);
        server.Serve("ausland.rss", new FakeFeedServer.Resource(Encoding.UTF8.GetBytes(feed), "application/rss+xml") { ETag = "\"1\"" });
        server.Serve("politik/ausland/002_c3aff394776cafa8.html", new FakeFeedServer.Resource(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.TestData, "html", "newspaper-002_c3aff394776cafa8.html"), Ct), "text/html"));
        server.Serve("news/ukraine-usa-militaerhilfe-17402211", new FakeFeedServer.Resource(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.TestData, "html", "agency-004_6131d308b1147b31.html"), Ct), "text/html"));
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        work.Dispose();
    }

    [Fact]
    public async Task WatchOnce_IngestsTheItems_AndASecondRunFetchesNoPageAgain()
    {
        var feed = server.Url("ausland.rss").AbsoluteUri;

        var first = await CliProcess.RunWithEnvironmentAsync(work, AllowLoopback, Ct, "watch", feed, "--once");
        var second = await CliProcess.RunWithEnvironmentAsync(work, AllowLoopback, Ct, "watch", feed, "--once");
        var search = await CliProcess.RunAsync(work, Ct, "ask", "Wen bestellte Kiew nach dem Lieferstopp ins Außenministerium ein?");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains($"{feed}: 2 ingested, 0 refused", first.Output, StringComparison.Ordinal);
        Assert.Contains($"{feed}: 0 ingested, 0 refused", second.Output, StringComparison.Ordinal);
        Assert.Equal(1, server.CountOf("politik/ausland/002_c3aff394776cafa8.html"));
        Assert.Contains("John Ginkel", search.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchOnceWithACollection_PutsTheItemsThere_AndDefaultStaysWithoutThem()
    {
        var feed = server.Url("ausland.rss").AbsoluteUri;
        const string question = "Wen bestellte Kiew nach dem Lieferstopp ins Außenministerium ein?";

        var watched = await CliProcess.RunWithEnvironmentAsync(work, AllowLoopback, Ct, "watch", feed, "--once", "--collection", "agency");
        var inAgency = await CliProcess.RunAsync(work, Ct, "ask", question, "--collection", "agency");
        var inDefault = await CliProcess.RunAsync(work, Ct, "ask", question);

        Assert.True(watched.ExitCode == 0, watched.Error);
        Assert.Contains($"{feed}: 2 ingested, 0 refused", watched.Output, StringComparison.Ordinal);
        Assert.Contains("John Ginkel", inAgency.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("John Ginkel", inDefault.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_RefusesAnInvalidCollection()
    {
        var result = await CliProcess.RunAsync(work, Ct, "watch", server.Url("ausland.rss").AbsoluteUri, "--once", "--collection", "a/b");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--collection must be", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task WatchOnce_RefusesALoopbackFeed_WithoutTheSetting_InOneLine()
    {
        var result = await CliProcess.RunAsync(work, Ct, "watch", server.Url("ausland.rss").AbsoluteUri, "--once");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("failing: 127.0.0.1 is a private, loopback or link-local address (Feeds:AllowPrivateNetworks is off)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Watch_RefusesANonHttpAddress()
    {
        var result = await CliProcess.RunAsync(work, Ct, "watch", "file:///etc/passwd", "--once");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'file:///etc/passwd' is not an http or https address", result.Error, StringComparison.Ordinal);
    }
}
