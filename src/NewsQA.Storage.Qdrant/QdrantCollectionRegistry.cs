using NewsQA.Core.Storage;
using static Qdrant.Client.Grpc.Conditions;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// The Qdrant store's declared collections: one point each in <c>{prefix}_documents</c> (kind <c>collection</c>, no
/// vectors), beside the meta point, so they live and go with the store's data.
/// </summary>
internal sealed class QdrantCollectionRegistry(QdrantSchema schema, QdrantPoints points) : ICollectionRegistry
{
    public async Task<IReadOnlyList<string>> ListDeclaredAsync(CancellationToken cancellationToken = default)
    {
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var records = await points.ScrollAllAsync(schema.Documents, MatchKeyword(QdrantPayload.Kind, QdrantPayload.CollectionKind), true, cancellationToken).ConfigureAwait(false);
        return [.. records.Select(r => QdrantPayload.Get(r, QdrantPayload.Collection)!).Order(StringComparer.Ordinal)];
    }

    public async Task<bool> DeclareAsync(string collection, CancellationToken cancellationToken = default)
    {
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var existed = await ExistsAsync(collection, cancellationToken).ConfigureAwait(false);
        await points.UpsertAsync(schema.Documents, [QdrantPoints.Point(PointIds.Collection(collection), QdrantPayload.ForCollection(collection))], cancellationToken).ConfigureAwait(false);
        return !existed;
    }

    public async Task<bool> ForgetAsync(string collection, CancellationToken cancellationToken = default)
    {
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (!await ExistsAsync(collection, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await points.DeleteAsync(schema.Documents, HasId(PointIds.Collection(collection)), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> ExistsAsync(string collection, CancellationToken cancellationToken) =>
        (await points.RetrieveAsync(schema.Documents, [PointIds.Collection(collection)], false, cancellationToken).ConfigureAwait(false)).Count > 0;
}
