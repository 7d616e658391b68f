using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded;
using NewsQA.Storage.Qdrant.Tests.Fake;
using NewsQA.Testing;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.Search;

/// <summary>The embedded store and the Qdrant store (on the fake server) side by side, holding the same documents: what the parity tests compare.</summary>
internal sealed class BothBackends : IAsyncDisposable
{
    private readonly TempFolder dataPath = new("newsqa-parity-");
    private FakeQdrantServer server = null!;
    private ServiceProvider provider = null!;

    private BothBackends()
    {
    }

    public EmbeddedNewsStore Embedded { get; private set; } = null!;

    public QdrantNewsStore Qdrant { get; private set; } = null!;

    /// <summary>Both stores, opened; <paramref name="settings"/> configure the Qdrant side's service collection.</summary>
    public static async Task<BothBackends> StartAsync(IDictionary<string, string?>? settings, CancellationToken ct)
    {
        var both = new BothBackends();
        both.server = await FakeQdrantServer.StartNewAsync();
        both.provider = QdrantTestStores.Services(both.server.Url, QdrantTestStores.UniquePrefix(), settings);
        both.Qdrant = both.provider.GetRequiredService<QdrantNewsStore>();
        both.Embedded = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = both.dataPath }), StoreTestData.Analyzer, NullLogger<EmbeddedNewsStore>.Instance);
        await both.Qdrant.Documents.InitializeAsync(ct);
        await both.Embedded.Documents.InitializeAsync(ct);
        return both;
    }

    public async Task UpsertAsync(NewsDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken ct)
    {
        await Qdrant.Documents.UpsertAsync(document, chunks, ct);
        await Embedded.Documents.UpsertAsync(document, chunks, ct);
    }

    public async ValueTask DisposeAsync()
    {
        Embedded.Dispose();
        await provider.DisposeAsync();
        await server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dataPath.Dispose();
    }
}
