using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Storage;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests;

/// <summary>
/// Builds the store the way the app does — configuration, <c>AddQdrantStore()</c>, the official client in its resilience pipeline —
/// with short timeouts and retry delays so fault tests finish in a second or two.
/// </summary>
internal static class QdrantTestStores
{
    public static ServiceProvider Services(Uri url, string prefix, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Store:Qdrant:Url"] = url.ToString(),
            ["Store:Qdrant:CollectionPrefix"] = prefix,
            ["Store:Qdrant:AttemptTimeout"] = "00:00:00.500",
            ["Store:Qdrant:TotalTimeout"] = "00:00:02",
            ["Store:Qdrant:MaxRetries"] = "2",
            ["Store:Qdrant:RetryDelay"] = "00:00:00.010",
            ["Store:Qdrant:CircuitBreakDuration"] = "00:00:01",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddQdrantStore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>The four store contracts as the app resolves them.</summary>
    public static StoreContracts Contracts(IServiceProvider provider) => new(
        provider.GetRequiredService<IDocumentStore>(),
        provider.GetRequiredService<ILexicalIndex>(),
        provider.GetRequiredService<IVectorIndex>(),
        provider.GetRequiredService<IEmbeddingModelRecord>())
    {
        Stories = provider.GetRequiredService<IStoryIndex>(),
    };

    public static string ChunksOf(QdrantNewsStore store) => store.ChunksCollectionName;

    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];
}
