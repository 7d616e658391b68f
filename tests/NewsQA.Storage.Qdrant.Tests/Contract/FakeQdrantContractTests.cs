using NewsQA.Testing.Contract;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Storage;
using NewsQA.Storage.Qdrant.Tests.Fake;

namespace NewsQA.Storage.Qdrant.Tests.Contract;

/// <summary>The shared store contract on <see cref="QdrantNewsStore"/>, against a fresh fake Qdrant per test.</summary>
public sealed class FakeQdrantContractTests : NewsStoreContractTests
{
    private readonly List<ServiceProvider> providers = [];
    private readonly string prefix = QdrantTestStores.UniquePrefix();
    private FakeQdrantServer? server;

    protected override async Task<INewsStore> CreateStoreAsync()
    {
        server = await FakeQdrantServer.StartNewAsync();
        return await OpenAsync();
    }

    /// <summary>A new store object (a new process, as far as the store can tell) on the same server.</summary>
    protected override Task<INewsStore> ReopenAsync() => OpenAsync();

    private async Task<INewsStore> OpenAsync()
    {
        var provider = QdrantTestStores.Services(server!.Url, prefix);
        providers.Add(provider);
        var store = provider.GetRequiredService<INewsStore>();
        await store.InitializeAsync(Ct);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
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
