using NewsQA.Core.Documents;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded.Lexical;
using static NewsQA.Storage.Embedded.SqliteRows;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// Lexical search of the embedded store: one Lucene query and a rescoring of its best (<see cref="LexicalQuery"/>) over the index kept from the
/// stored documents (<see cref="LexicalIndexSync"/>), filtered and ranked by Lucene; the hits' chunks are then read from
/// SQLite, the one place their text is kept.
/// </summary>
internal sealed class EmbeddedLexicalIndex(EmbeddedDatabase database) : ILexicalIndex, IRebuildableLexicalIndex
{
    /// <summary>How long a search waits for a rebuild under way before it answers that the index is unavailable.</summary>
    private static readonly TimeSpan RebuildWait = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public Task<int> RebuildAsync(CancellationToken cancellationToken = default) => database.Lexical.RebuildAsync(cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        if (top <= 0 || queryTerms.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await database.Mirror.RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        var sync = database.Lexical;
        await sync.WaitForRebuildAsync(RebuildWait, cancellationToken).ConfigureAwait(false);
        await sync.CatchUpAsync(connection, cancellationToken).ConfigureAwait(false);
        if (sync.Problem is { } problem)
        {
            throw new StoreUnavailableException(problem) { Component = "lexical index" };
        }

        List<(long RowId, double Score)> found;
        try
        {
            found = sync.Index.Search(reader => LexicalQuery.For(reader, queryTerms), LexicalFilter.For(filter), LexicalScoring.CandidateDepth(top), top);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // Lucene reports a damaged file in many ways; any failure to read it means the same to a reader.
            sync.Damaged(ex);
            throw new StoreUnavailableException("The lexical index could not be read; it is being rebuilt from the stored documents.", ex) { Component = "lexical index" };
        }

        if (found.Count == 0)
        {
            return [];
        }

        var chunks = await ChunksByRowAsync(connection, found.Select(f => f.RowId), cancellationToken).ConfigureAwait(false);
        var hits = new List<ChunkHit>(found.Count);
        foreach (var (rowId, score) in found)
        {
            // A chunk replaced between the index's view and this read is simply not returned.
            if (chunks.TryGetValue(rowId, out var chunk) && database.Mirror.Summaries.TryGetValue(chunk.DocumentId, out var summary))
            {
                hits.Add(new ChunkHit(chunk, summary, Math.Round(score, 5)));
            }
        }

        // Lucene breaks ties by its internal order; the contract's order is score, then chunk id.
        return [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.Chunk.Id, StringComparer.Ordinal)];
    }
}
