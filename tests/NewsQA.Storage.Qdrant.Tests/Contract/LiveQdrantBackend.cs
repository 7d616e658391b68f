using Microsoft.Extensions.DependencyInjection;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.Contract;

/// <summary>
/// The Qdrant store under the contract suite against a real Qdrant (1.19 or newer) whose gRPC address is in the
/// environment variable <c>QDRANT_URL</c> (e.g. <c>http://localhost:6334</c>; and <c>QDRANT_API_KEY</c> if it needs
/// one); tests skip when it is unset. Each test uses its own collection prefix and deletes its collections afterwards.
/// </summary>
public sealed class LiveQdrantBackend : IStoreBackend
{
    private static readonly string? Url = Environment.GetEnvironmentVariable("QDRANT_URL");
    private readonly List<ServiceProvider> providers = [];
    private readonly string prefix = QdrantTestStores.UniquePrefix();

    public Task<StoreContracts> CreateAsync(CancellationToken cancellationToken)
    {
        Assert.SkipWhen(string.IsNullOrWhiteSpace(Url), "QDRANT_URL is not set: no real Qdrant to test against.");
        return OpenAsync(cancellationToken);
    }

    public Task<StoreContracts> ReopenAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    private async Task<StoreContracts> OpenAsync(CancellationToken cancellationToken)
    {
        // A real server over a real network: the short test timeouts would be flaky.
        var provider = QdrantTestStores.Services(new Uri(Url!), prefix, new Dictionary<string, string?>
        {
            ["Store:Qdrant:ApiKey"] = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
            ["Store:Qdrant:AttemptTimeout"] = "00:00:10",
            ["Store:Qdrant:TotalTimeout"] = "00:00:30",
        });
        providers.Add(provider);
        var store = QdrantTestStores.Contracts(provider);
        await store.Documents.InitializeAsync(cancellationToken);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
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
