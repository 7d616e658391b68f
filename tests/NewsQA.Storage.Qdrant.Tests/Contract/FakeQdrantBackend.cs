using Microsoft.Extensions.DependencyInjection;
using NewsQA.Storage.Qdrant.Tests.Fake;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.Contract;

/// <summary>The Qdrant store under the contract suite, against a fresh fake Qdrant of its own.</summary>
public sealed class FakeQdrantBackend : IStoreBackend
{
    private readonly List<ServiceProvider> providers = [];
    private readonly string prefix = QdrantTestStores.UniquePrefix();
    private FakeQdrantServer? server;

    public async Task<StoreContracts> CreateAsync(CancellationToken cancellationToken)
    {
        server = await FakeQdrantServer.StartNewAsync();
        return await OpenAsync(cancellationToken);
    }

    /// <summary>A new store object (a new process, as far as the store can tell) on the same server.</summary>
    public Task<StoreContracts> ReopenAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    private async Task<StoreContracts> OpenAsync(CancellationToken cancellationToken)
    {
        var provider = QdrantTestStores.Services(server!.Url, prefix);
        providers.Add(provider);
        var store = QdrantTestStores.Contracts(provider);
        await store.Documents.InitializeAsync(cancellationToken);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
