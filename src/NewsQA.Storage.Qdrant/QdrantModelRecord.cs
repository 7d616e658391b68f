using NewsQA.Core.Storage;
using static Qdrant.Client.Grpc.Conditions;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// The Qdrant store's model record: the meta point of <c>{prefix}_documents</c>, kept in step with the dense vector
/// space of <c>{prefix}_chunks</c> (dropping that space drops every vector in it).
/// </summary>
internal sealed class QdrantModelRecord(QdrantSchema schema, QdrantPoints points) : IEmbeddingModelRecord
{
    /// <inheritdoc/>
    public async Task ResetEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await schema.ExclusiveAsync(
            async () =>
            {
                // Dropping the named vector drops every stored dense vector with it; sparse vectors and payloads stay.
                await schema.RefreshDenseSizeAsync(cancellationToken).ConfigureAwait(false);
                await schema.ReplaceDenseSpaceAsync(dimensions, cancellationToken).ConfigureAwait(false);
                await WriteAsync(modelId, dimensions, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task RecordEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await schema.ExclusiveAsync(
            async () =>
            {
                var (stored, storedDims) = await ReadAsync(schema, points, cancellationToken).ConfigureAwait(false);
                var denseSize = await schema.RefreshDenseSizeAsync(cancellationToken).ConfigureAwait(false);
                if (stored == modelId && storedDims == dimensions && denseSize == dimensions)
                {
                    return;
                }

                var vectors = denseSize is null ? 0UL : await points.CountAsync(schema.Chunks, HasVector(QdrantSchema.DenseVector), cancellationToken).ConfigureAwait(false);
                // Like the embedded store: once vectors exist, only an unrecorded model of the same size may be recorded.
                if (vectors > 0 && (stored is not null || denseSize != dimensions))
                {
                    throw new EmbeddingModelMismatchException(stored ?? $"unrecorded ({denseSize} dimensions)", modelId);
                }

                if (denseSize != dimensions)
                {
                    // No vectors depend on the old size (checked above), so the vector space can be replaced.
                    await schema.ReplaceDenseSpaceAsync(dimensions, cancellationToken).ConfigureAwait(false);
                }

                await WriteAsync(modelId, dimensions, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The recorded model and its dimensions (nulls when none is recorded), as statistics report them.</summary>
    public static async Task<(string? Model, int? Dimensions)> ReadAsync(QdrantSchema schema, QdrantPoints points, CancellationToken ct)
    {
        var meta = await points.RetrieveAsync(schema.Documents, [PointIds.Meta], true, ct).ConfigureAwait(false);
        return meta is [{ } point, ..]
            ? (QdrantPayload.Get(point.Payload, QdrantPayload.EmbeddingModel), QdrantPayload.Int(point.Payload, QdrantPayload.EmbeddingDimensions))
            : (null, null);
    }

    private Task WriteAsync(string modelId, int dimensions, CancellationToken cancellationToken) =>
        points.UpsertAsync(schema.Documents, [QdrantPoints.Point(PointIds.Meta, QdrantPayload.ForEmbeddingModel(modelId, dimensions))], cancellationToken);
}
