using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsQA.Api.Tests;

/// <summary>
/// The API in process with its own temporary data directory and the seeds next to the tests;
/// each test creates its own instance, so tests share no state. Extra settings override configuration.
/// </summary>
public sealed class NewsQaApplication(IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "newsqa-api-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            ["Data:Path"] = DataPath,
            ["Seeds:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.UseEnvironment("Testing");

        // UseSetting, not ConfigureAppConfiguration: Program reads some keys (store provider, model) while it
        // registers services, before app configuration callbacks of the factory would run.
        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
