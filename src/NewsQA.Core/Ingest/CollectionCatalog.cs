using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Ingest;

/// <summary>
/// The collections a store has: <c>default</c>, those holding documents, and those created by name and still empty
/// (<see cref="ICollectionRegistry"/>). Deleting one deletes its documents through the pipeline (each under its lock)
/// and then its name.
/// </summary>
public sealed class CollectionCatalog(IDocumentStore store, ICollectionRegistry registry, IngestPipeline pipeline)
{
    /// <summary>Documents deleted per listing page while a collection is deleted.</summary>
    private const int DeletePage = 200;

    /// <summary>Every collection with its document count, by name.</summary>
    public async Task<IReadOnlyList<(string Name, long Documents)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var counts = (await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false)).Collections;
        var declared = await registry.ListDeclaredAsync(cancellationToken).ConfigureAwait(false);
        return [.. counts.Keys.Concat(declared).Append(DocumentKey.DefaultCollection)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => (name, counts.GetValueOrDefault(name)))];
    }

    public async Task<bool> ExistsAsync(string collection, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).Any(c => c.Name == collection);

    /// <summary>Creates the collection; false when it existed already.</summary>
    public async Task<bool> CreateAsync(string collection, CancellationToken cancellationToken = default)
    {
        var existed = await ExistsAsync(collection, cancellationToken).ConfigureAwait(false);
        await registry.DeclareAsync(collection, cancellationToken).ConfigureAwait(false);
        return !existed;
    }

    /// <summary>Deletes every document of the collection and its name; false when there was no such collection.</summary>
    public async Task<bool> DeleteAsync(string collection, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync(collection, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        IReadOnlyList<DocumentSummary> page;
        while ((page = await store.ListAsync(DeletePage, null, cancellationToken, collection).ConfigureAwait(false)).Count > 0)
        {
            foreach (var document in page)
            {
                await pipeline.DeleteAsync(document.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        await registry.ForgetAsync(collection, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
