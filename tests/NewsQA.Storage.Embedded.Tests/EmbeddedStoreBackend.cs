using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Storage.Embedded;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Embedded.Tests;

/// <summary>The embedded SQLite store under the contract suite, in a temporary data directory of its own.</summary>
public sealed class EmbeddedStoreBackend : IStoreBackend
{
    private readonly List<EmbeddedNewsStore> opened = [];

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "newsqa-store-" + Guid.NewGuid().ToString("N"));

    public string DatabaseFile => Path.Combine(DataPath, "newsqa.db");

    public async Task<StoreContracts> CreateAsync(CancellationToken cancellationToken) => Contracts(await OpenAsync(cancellationToken));

    public async Task<StoreContracts> ReopenAsync(CancellationToken cancellationToken) => Contracts(await OpenAsync(cancellationToken));

    /// <summary>A store object of its own on the data directory: to those opened before, another process.</summary>
    public async Task<EmbeddedNewsStore> OpenAsync(CancellationToken cancellationToken)
    {
        var store = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = DataPath }), NewsQA.Testing.Contract.StoreTestData.Analyzer, NullLogger<EmbeddedNewsStore>.Instance);
        opened.Add(store);
        await store.Documents.InitializeAsync(cancellationToken);
        return store;
    }

    /// <summary>Closes every store opened so far and their pooled connections, so a test may change the file itself.</summary>
    public void CloseAll()
    {
        opened.ForEach(s => s.Dispose());
        opened.Clear();
        SqliteConnection.ClearAllPools();
    }

    public ValueTask DisposeAsync()
    {
        CloseAll();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; failing the test for it would not be.
        }

        return ValueTask.CompletedTask;
    }

    private static StoreContracts Contracts(EmbeddedNewsStore store) => new(store.Documents, store.Lexical, store.Vectors, store.EmbeddingModel) { Stories = store.Stories };
}
