using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using static NewsQA.Storage.Embedded.SqliteCommands;
using static NewsQA.Storage.Embedded.SqliteRows;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// Lexical search of the embedded store: FTS5 BM25 of terms, grams and whole documents (the rows
/// <see cref="Fts5TermRows"/> writes), combined as <see cref="LexicalScoring"/> says.
/// </summary>
internal sealed class EmbeddedLexicalIndex(EmbeddedDatabase database) : ILexicalIndex
{
    private GramsBm25.RowCounts? gramRowCounts;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        var match = SqlFilter.FtsQuery(queryTerms);
        if (match is null || top <= 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await database.Mirror.RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        var depth = TermGrams.Candidates(top);

        // FTS5's bm25() is "lower is better"; the store contract is "higher is better", hence the negations.
        var documentScores = new Dictionary<string, double>(StringComparer.Ordinal);
        await using (var documents = SqlFilter.LexicalCommand(connection, "SELECT d.id, bm25(document_terms) AS rank FROM document_terms JOIN documents d ON d.rowid = document_terms.rowid WHERE document_terms MATCH $match", match, filter, depth))
        await using (var reader = await documents.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                documentScores[reader.GetString(0)] = -reader.GetDouble(1);
            }
        }

        // Chunks found by their terms.
        var found = new Dictionary<string, (Chunk Chunk, double Score)>(StringComparer.Ordinal);
        var rowIds = new Dictionary<long, string>();
        await using (var chunks = SqlFilter.LexicalCommand(connection, "SELECT c.id, c.document_id, c.idx, c.start, c.end, c.text, bm25(chunk_terms) AS rank, c.rowid FROM chunk_terms JOIN chunks c ON c.rowid = chunk_terms.rowid JOIN documents d ON d.id = c.document_id WHERE chunk_terms MATCH $match", match, filter, depth))
        await using (var reader = await chunks.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var chunk = ReadChunk(reader, 0);
                found[chunk.Id] = (chunk, -reader.GetDouble(6));
                rowIds[reader.GetInt64(7)] = chunk.Id;
            }
        }

        // A query term no chunk has finds passages by its grams instead (TermGrams.UnknownTermWeight), beside the terms' candidates.
        var unknown = await UnknownTermGrams.UnknownTermsAsync(connection, queryTerms, cancellationToken).ConfigureAwait(false);
        var grams = await GramsBm25.OpenAsync(connection, GramRowCounts(), cancellationToken).ConfigureAwait(false);
        if (unknown.Count > 0 && grams is not null)
        {
            var added = new List<string>();
            foreach (var (chunk, rowId) in await UnknownTermGrams.ChunksAsync(connection, grams, TermGrams.Of(unknown), filter, cancellationToken).ConfigureAwait(false))
            {
                if (found.TryAdd(chunk.Id, (chunk, 0)))
                {
                    added.Add(chunk.Id);
                    rowIds[rowId] = chunk.Id;
                }
            }

            // Those chunks may still share other terms with the query: they score like every candidate.
            await AddTermScoresAsync(connection, match, added, found, cancellationToken).ConfigureAwait(false);
        }

        // Grams' BM25 (TermGrams) weighted on top: grams reorder what the terms found but find nothing themselves, so a
        // passage sharing only a few letters with the question never appears. The grams of unknown terms weigh more.
        if (grams is not null)
        {
            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var gram in TermGrams.Of(queryTerms))
            {
                weights[gram] = TermGrams.Weight;
            }

            foreach (var gram in TermGrams.Of(unknown).Distinct(StringComparer.Ordinal))
            {
                weights[gram] = weights.GetValueOrDefault(gram) + TermGrams.UnknownTermWeight;
            }

            foreach (var (rowId, score) in await grams.ScoreAsync(connection, weights, rowIds.Keys, cancellationToken).ConfigureAwait(false))
            {
                var (chunk, before) = found[rowIds[rowId]];
                found[chunk.Id] = (chunk, before + score);
            }
        }

        var hits = new List<ChunkHit>(found.Count);
        foreach (var (chunk, chunkScore) in found.Values)
        {
            if (database.Mirror.Summaries.TryGetValue(chunk.DocumentId, out var summary))
            {
                var score = chunkScore + (LexicalScoring.DocumentWeight * documentScores.GetValueOrDefault(chunk.DocumentId));
                hits.Add(new ChunkHit(chunk, summary, Math.Round(score, 6)));
            }
        }

        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Chunk.Id, StringComparer.Ordinal).Take(top).ToList();
    }

    /// <summary>Adds the terms' BM25 of <paramref name="match"/> to each of <paramref name="ids"/> that matches.</summary>
    private static async Task AddTermScoresAsync(SqliteConnection connection, string match, IReadOnlyList<string> ids, Dictionary<string, (Chunk Chunk, double Score)> found, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var cmd = Command(connection, null, "SELECT c.id, bm25(chunk_terms) AS rank FROM chunk_terms JOIN chunks c ON c.rowid = chunk_terms.rowid WHERE chunk_terms MATCH $match AND c.id IN (SELECT value FROM json_each($chunks))");
        cmd.Parameters.AddWithValue("$match", match);
        cmd.Parameters.AddWithValue("$chunks", JsonSerializer.Serialize(ids));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var (chunk, score) = found[reader.GetString(0)];
            found[chunk.Id] = (chunk, score - reader.GetDouble(1));
        }
    }

    /// <summary>The grams' row counts for this search: kept while the store's generation stays the one they were read at.</summary>
    private GramsBm25.RowCounts GramRowCounts()
    {
        var generation = database.Mirror.KnownGeneration;
        var counts = gramRowCounts;
        if (counts?.Generation != generation)
        {
            counts = new GramsBm25.RowCounts(generation);
            gramRowCounts = counts;
        }

        return counts;
    }
}
