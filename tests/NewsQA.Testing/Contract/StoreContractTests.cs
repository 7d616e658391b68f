namespace NewsQA.Testing.Contract;

/// <summary>
/// What the parts of the store contract suite share: a fresh <typeparamref name="TBackend"/> per test, opened empty,
/// and the texts the tests store. Each part covers one contract (<see cref="DocumentStoreContractTests{TBackend}"/>,
/// <see cref="LexicalIndexContractTests{TBackend}"/>, <see cref="VectorIndexContractTests{TBackend}"/>,
/// <see cref="EmbeddingModelRecordContractTests{TBackend}"/>); each backend's test project derives a class from every
/// part, so every backend runs every part. Every test builds its own data.
/// </summary>
public abstract class StoreContractTests<TBackend> : IAsyncLifetime
    where TBackend : IStoreBackend, new()
{
    protected const string Drones = "Die Ukraine baut Drohnen in großer Zahl. Die Armee setzt die Drohnen an der Front ein. Russland meldet Angriffe.";
    protected const string Budget = "Der Bundestag berät über den Haushalt. Die Schuldenbremse bleibt umstritten. Die Grünen fordern neue Ausgaben.";

    private StoreContracts? store;

    protected TBackend Backend { get; } = new();

    protected StoreContracts Store => store ?? throw new InvalidOperationException("Store not created.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => store = await Backend.CreateAsync(Ct);

    public virtual async ValueTask DisposeAsync()
    {
        await Backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The same data opened anew, as after a process restart.</summary>
    protected Task<StoreContracts> ReopenAsync() => Backend.ReopenAsync(Ct);

    /// <summary>Stores one single-text document per (id, text), in order.</summary>
    protected async Task StoreAsync(params (string Id, string Text)[] documents)
    {
        foreach (var (id, text) in documents)
        {
            var (document, chunks) = StoreTestData.Document(id, text);
            await Store.Documents.UpsertAsync(document, chunks, Ct);
        }
    }
}
