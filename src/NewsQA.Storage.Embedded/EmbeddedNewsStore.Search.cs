using System.Text;
using System.Text.Json;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

/// <summary>Lexical (FTS5 BM25) and dense (in-memory exact or quantized scan) search of the embedded store.</summary>
public sealed partial class EmbeddedNewsStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        var match = SqlFilter.FtsQuery(queryTerms);
        if (match is null || top <= 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        var sql = new StringBuilder("""
            SELECT c.id, c.document_id, c.idx, c.start, c.end, c.text, bm25(chunk_terms) AS rank
            FROM chunk_terms JOIN chunks c ON c.rowid = chunk_terms.rowid JOIN documents d ON d.id = c.document_id
            WHERE chunk_terms MATCH $match
            """);
        await using var cmd = Command(connection, null, string.Empty);
        cmd.Parameters.AddWithValue("$match", match);
        SqlFilter.Append(sql, cmd, filter);
        sql.Append(" ORDER BY rank LIMIT $top");
        cmd.Parameters.AddWithValue("$top", top);
        cmd.CommandText = sql.ToString();

        var hits = new List<ChunkHit>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var chunk = ReadChunk(reader, 0);
            if (summaries.TryGetValue(chunk.DocumentId, out var summary))
            {
                // FTS5's bm25() is "lower is better"; the store contract is "higher is better".
                hits.Add(new ChunkHit(chunk, summary, Math.Round(-reader.GetDouble(6), 6)));
            }
        }

        return hits;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChunkHit>> SearchDenseAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        var summaries = this.summaries;
        Func<string, bool>? allowed = filter == SearchFilter.None ? null : id => summaries.TryGetValue(id, out var s) && filter.Matches(s);
        List<(long RowId, float Score)> found;
        denseLock.EnterReadLock();
        try
        {
            if (dense.Count == 0)
            {
                return [];
            }

            if (dense.Dimensions != queryVector.Length)
            {
                throw new StoreUnavailableException($"The query vector has {queryVector.Length} dimensions but stored vectors have {dense.Dimensions}; run 'newsqa reindex'.") { Component = "embedded store" };
            }

            found = dense.Search(queryVector.Span, allowed, top);
        }
        finally
        {
            denseLock.ExitReadLock();
        }

        if (found.Count == 0)
        {
            return [];
        }

        await using var cmd = Command(connection, null, "SELECT c.id, c.document_id, c.idx, c.start, c.end, c.text, c.rowid FROM chunks c WHERE c.rowid IN (SELECT value FROM json_each($rows))");
        cmd.Parameters.AddWithValue("$rows", JsonSerializer.Serialize(found.Select(f => f.RowId)));
        var byRow = new Dictionary<long, Chunk>();
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                byRow[reader.GetInt64(6)] = ReadChunk(reader, 0);
            }
        }

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
