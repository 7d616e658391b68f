using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Storage;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.Contract;

/// <summary>
/// The shared store contract against a real Qdrant (1.19 or newer) whose gRPC address is in the environment
/// variable <c>QDRANT_URL</c> (e.g. <c>http://localhost:6334</c>; and <c>QDRANT_API_KEY</c> if it needs one);
/// skipped when unset. Each test uses its own collection prefix and deletes its collections afterwards.
/// </summary>
public sealed class LiveQdrantContractTests : NewsStoreContractTests
{
    private static readonly string? Url = Environment.GetEnvironmentVariable("QDRANT_URL");
    private readonly List<ServiceProvider> providers = [];
    private readonly string prefix = QdrantTestStores.UniquePrefix();

    protected override Task<INewsStore> CreateStoreAsync()
    {
        Assert.SkipWhen(string.IsNullOrWhiteSpace(Url), "QDRANT_URL is not set: no real Qdrant to test against.");
        return OpenAsync();
    }

    protected override Task<INewsStore> ReopenAsync() => OpenAsync();

    private async Task<INewsStore> OpenAsync()
    {
        // A real server over a real network: the short test timeouts would be flaky.
        var provider = QdrantTestStores.Services(new Uri(Url!), prefix, new Dictionary<string, string?>
        {
            ["Store:Qdrant:ApiKey"] = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
            ["Store:Qdrant:AttemptTimeout"] = "00:00:10",
            ["Store:Qdrant:TotalTimeout"] = "00:00:30",
        });
        providers.Add(provider);
        var store = provider.GetRequiredService<INewsStore>();
        await store.InitializeAsync(Ct);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!string.IsNullOrWhiteSpace(Url) && providers.Count > 0)
        {
            var calls = providers[0].GetRequiredService<QdrantCalls>();
            foreach (var suffix in new[] { "_documents", "_chunks" })
            {
                await calls.RunAsync("DeleteCollection", (c, t) => c.DeleteCollectionAsync(prefix + suffix, cancellationToken: t), CancellationToken.None);
            }
        }

        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }
    }
}
