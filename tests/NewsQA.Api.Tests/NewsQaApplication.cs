using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace NewsQA.Api.Tests;

/// <summary>
/// The API hosted in-process on its own temp data directory (deleted on dispose), so tests share nothing.
/// Seeds come from the repo's <c>seeds/</c> folder; pass <c>["Seeds:IngestOnEmpty"] = "false"</c> to start empty.
/// Rate limiting is off unless a test passes <c>["RateLimit:Enabled"] = "true"</c>.
/// <paramref name="settings"/> override any configuration key; <paramref name="services"/> swaps in test doubles.
/// </summary>
public sealed class NewsQaApplication(
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string DataPath { get; } = Directory.CreateTempSubdirectory("newsqa-test-").FullName;

    /// <summary>The repo's <c>seeds/</c> folder, found by walking up from the test binaries to <c>NewsQA.sln</c>.</summary>
    public static string SeedsPath => Path.Combine(RepoRoot, "seeds");

    public static string RepoRoot { get; } = FindRepoRoot();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var all = new Dictionary<string, string?>
        {
            ["Data:Path"] = DataPath,
            ["Seeds:Path"] = SeedsPath,
            ["Seeds:IngestOnEmpty"] = "true",

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

        if (services is not null)
        {
            builder.ConfigureServices(services);
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
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsQA.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NewsQA.sln not found above " + AppContext.BaseDirectory);
    }
}
