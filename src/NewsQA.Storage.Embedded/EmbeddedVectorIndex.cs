using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using static NewsQA.Storage.Embedded.SqliteRows;

namespace NewsQA.Storage.Embedded;

/// <summary>Dense search of the embedded store: an exact or quantized scan of the in-memory <see cref="DenseIndex"/>, the chunks then read from the file.</summary>
internal sealed class EmbeddedVectorIndex(EmbeddedDatabase database) : IVectorIndex
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChunkHit>> SearchDenseAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await database.Mirror.RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        var summaries = database.Mirror.Summaries;
        // The collection is read off the key inside the scan, so the top k are all the collection's own.
        var collection = filter.Collection;
        Func<string, bool> allowed = filter.OnlyCollection
            ? id => DocumentKey.IsIn(id, collection)
            : id => summaries.TryGetValue(id, out var s) && filter.Matches(s);
        var found = database.Mirror.SearchDense(queryVector.Span, allowed, top);
        if (found.Count == 0)
        {
            return [];
        }

        var byRow = await ChunksByRowAsync(connection, found.Select(f => f.RowId), cancellationToken).ConfigureAwait(false);

        var hits = new List<ChunkHit>(found.Count);
        foreach (var (rowId, score) in found)
        {
            // A row deleted between scan and fetch is simply not returned.
            if (byRow.TryGetValue(rowId, out var chunk) && summaries.TryGetValue(chunk.DocumentId, out var summary))
            {
                hits.Add(new ChunkHit(chunk, summary, Math.Round(score, 6)));
            }
        }

        return hits;
    }
}
