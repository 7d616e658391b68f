namespace NewsQA.Testing.Contract;

/// <summary>
/// A backend under the contract suite: opens its store on a fresh, empty data set and, disposed, closes everything it
/// opened and removes the data. One instance per test, so tests share nothing.
/// </summary>
public interface IStoreBackend : IAsyncDisposable
{
    /// <summary>A new, empty, initialized store.</summary>
    Task<StoreContracts> CreateAsync(CancellationToken cancellationToken);

    /// <summary>The same data opened anew, as after a process restart.</summary>
    Task<StoreContracts> ReopenAsync(CancellationToken cancellationToken);
}
