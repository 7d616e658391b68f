using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsQA.Core;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Storage;
using NewsQA.Hosting.Feeds;
using NewsQA.Storage.Embedded;
using NewsQA.Testing;
using NewsQA.Testing.Fakes;
using NewsQA.Testing.Hosting;

namespace NewsQA.Hosting.Tests.Feeds;

/// <summary>
/// The feed poller over a temporary embedded store and the fake embedder, with the fake feed server's recorded
/// feeds and pages (tests/TestData/feeds, tests/TestData/html) at its loopback address, which the tests allow
/// (<c>Feeds:AllowPrivateNetworks</c>) unless they test the refusal.
/// </summary>
internal sealed class FeedHost : IAsyncDisposable
{
    private readonly TempFolder data = new("newsqa-feeds-");

    private FeedHost(FakeFeedServer server, IReadOnlyDictionary<string, string?> settings)
    {
        Server = server;
        var all = new Dictionary<string, string?>
        {
            ["Data:Path"] = data,
            ["Feeds:AllowPrivateNetworks"] = "true",
            ["Feeds:RequestDelay"] = "00:00:00",
            ["Feeds:Timeout"] = "00:00:02",
            ["Feeds:MaxResponseBytes"] = "1048576",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.AddProvider(Log))
            .AddNewsQaCore()
            .AddEmbeddedStore()
            .AddSingleton(new QueryAndPassageEmbedder(new FakeEmbedder(), new EmbeddingProfile("fake-chars", FakeEmbedder.Dimensions)))
            .AddNewsQaFeeds();
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeFeedServer Server { get; }

    public CapturedLog Log { get; } = new();

    public ServiceProvider Services { get; }

    public FeedPoller Poller => Services.GetRequiredService<FeedPoller>();

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public static async Task<FeedHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await FakeFeedServer.StartAsync(TestContext.Current.CancellationToken);
        return new FeedHost(server, settings ?? new Dictionary<string, string?>());
    }

    /// <summary>A recorded feed from tests/TestData/feeds with its links pointing at the fake server.</summary>
    public byte[] RecordedFeed(string name) => ReplaceBase(File.ReadAllBytes(Path.Combine(RepoPaths.TestData, "feeds", name)));

    /// <summary>A page from tests/TestData/html.</summary>
    public static byte[] Page(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.TestData, "html", name));

    public static string SeedText(string seedId) => File.ReadAllText(Path.Combine(RepoPaths.Seeds, seedId + ".txt"));

    private byte[] ReplaceBase(byte[] bytes)
    {
        // The recorded feeds are UTF-8 or Latin-1; "{base}" is ASCII in both, so it is replaced byte for byte.
        var latin1 = System.Text.Encoding.Latin1.GetString(bytes);
        return System.Text.Encoding.Latin1.GetBytes(latin1.Replace("{base}", Server.BaseUri.AbsoluteUri, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        data.Dispose();
    }
}
