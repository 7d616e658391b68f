using NewsQA.Testing;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace NewsQA.Testing;

/// <summary>
/// The API hosted for a test on its own temp data directory (deleted on dispose), so tests share nothing: in
/// memory by default, or on Kestrel at 127.0.0.1 and a random port after <see cref="StartOnLoopback"/> (browsers,
/// real sockets). Seeds come from the repo's <c>seeds/</c> folder; pass <c>["Seeds:IngestOnEmpty"] = "false"</c> to
/// start empty. The model is never fetched (<c>Embeddings:AutoPull=false</c>) unless a test turns it on. Rate limiting is off unless a test passes <c>["RateLimit:Enabled"] = "true"</c>.
/// <paramref name="settings"/> override any configuration key; <paramref name="services"/> swaps in test doubles.
/// </summary>
public sealed class NewsQaApplication(
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    private readonly TempFolder folder = new("newsqa-test-");

    public string DataPath => folder.Path;

    public static string SeedsPath => RepoPaths.Seeds;

    public static string RepoRoot => RepoPaths.Root;

    /// <summary>Starts the server on Kestrel at 127.0.0.1 (seeds ingested) and returns its base URL, <c>http://127.0.0.1:port</c>.</summary>
    public string StartOnLoopback()
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var all = new Dictionary<string, string?>
        {
            ["Data:Path"] = DataPath,
            ["Seeds:Path"] = SeedsPath,
            ["Seeds:IngestOnEmpty"] = "true",

            // Tests never fetch a model from the network; the ones that test fetching point a manifest at a loopback fake hub.
            ["Embeddings:AutoPull"] = "false",

            // All in-process requests share one partition; tests that check limiting turn it on.
            ["RateLimit:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.StaticFiles"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        // UseSetting values are visible to Program.cs while it builds, not only after Build().
        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, Hosting.LoopbackPeer>());
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteData();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteData();
    }

    private void DeleteData()
    {
        // SQLite pools connections; release them so the files can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
