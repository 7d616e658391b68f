using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded;
using NewsQA.Storage.Tests.Contract;

namespace NewsQA.Storage.Tests.Embedded;

/// <summary>The store contract on the embedded SQLite store, each test in its own temporary data directory.</summary>
public sealed class EmbeddedNewsStoreTests : NewsStoreContractTests
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "newsqa-store-" + Guid.NewGuid().ToString("N"));

    protected override async Task<INewsStore> CreateStoreAsync() => await OpenAsync();

    protected override async Task<INewsStore> ReopenAsync() => await OpenAsync();

    private async Task<EmbeddedNewsStore> OpenAsync()
    {
        var store = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = dataPath }), NullLogger<EmbeddedNewsStore>.Instance);
        await store.InitializeAsync(Ct);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; failing the test for it would not be.
        }
    }

    [Fact]
    public async Task UnwritableDataPath_IsReportedAsStoreUnavailable()
    {
        var file = Path.Combine(Path.GetTempPath(), "newsqa-not-a-dir-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, "x", Ct);
        try
        {
            using var store = new EmbeddedNewsStore(Options.Create(new EmbeddedStoreOptions { DataPath = Path.Combine(file, "data") }), NullLogger<EmbeddedNewsStore>.Instance);
            var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(Ct));
            Assert.Equal("embedded store", ex.Component);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
