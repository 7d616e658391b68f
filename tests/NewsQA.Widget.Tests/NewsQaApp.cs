using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace NewsQA.Widget.Tests;

/// <summary>
/// The real API on Kestrel at 127.0.0.1 (random port), with its own temporary data directory and the
/// repository's seeds ingested at start. Each test creates its own, so tests share nothing.
/// </summary>
public sealed class NewsQaApp : WebApplicationFactory<Program>
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "newsqa-widget-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    public NewsQaApp(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        this.settings = settings ?? [];
        this.services = services;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts the server (seeds ingested) and returns its base URL, <c>http://127.0.0.1:port</c>.</summary>
    public string Start()
    {
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public static string RepositoryRoot { get; } = FindRoot();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data:Path", dataPath);
        builder.UseSetting("Seeds:Path", Path.Combine(RepositoryRoot, "seeds"));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsQA.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NewsQA.sln not found above the test output.");
    }
}
