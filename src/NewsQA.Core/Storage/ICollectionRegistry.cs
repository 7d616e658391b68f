namespace NewsQA.Core.Storage;

/// <summary>
/// The collections created by name (<c>POST /api/collections</c>) before they hold a document; a collection that holds
/// documents exists by them (<see cref="StoreStatistics.Collections"/>). Each store keeps the names beside its documents.
/// </summary>
public interface ICollectionRegistry
{
    Task<IReadOnlyList<string>> ListDeclaredAsync(CancellationToken cancellationToken = default);

    /// <summary>Records the name; false when it was recorded already.</summary>
    Task<bool> DeclareAsync(string collection, CancellationToken cancellationToken = default);

    /// <summary>Forgets the name; false when it was not recorded.</summary>
    Task<bool> ForgetAsync(string collection, CancellationToken cancellationToken = default);
}
