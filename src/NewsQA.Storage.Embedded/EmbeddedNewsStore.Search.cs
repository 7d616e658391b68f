using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

/// <summary>Lexical (FTS5 BM25 of terms, grams and whole documents, combined as LexicalScoring says) and dense (in-memory exact or quantized scan) search of the embedded store.</summary>
public sealed partial class EmbeddedNewsStore
{
    /// <summary>Chunk entries the rare grams of unknown terms may hold between them (<see cref="ChunksByUnknownGramsAsync"/>).</summary>
    private const long RareGramPostings = 5_000;

    /// <summary>Chunks the rare grams find for all the grams to rank (<see cref="ChunksByUnknownGramsAsync"/>).</summary>
    private const int UnknownGramPool = 100;

    private GramsBm25.RowCounts? gramRowCounts;

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
        var depth = TermGrams.Candidates(top);

        // FTS5's bm25() is "lower is better"; the store contract is "higher is better", hence the negations.
        var documentScores = new Dictionary<string, double>(StringComparer.Ordinal);
        await using (var documents = LexicalCommand(connection, "SELECT d.id, bm25(document_terms) AS rank FROM document_terms JOIN documents d ON d.rowid = document_terms.rowid WHERE document_terms MATCH $match", match, filter, depth))
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
        await using (var chunks = LexicalCommand(connection, "SELECT c.id, c.document_id, c.idx, c.start, c.end, c.text, bm25(chunk_terms) AS rank, c.rowid FROM chunk_terms JOIN chunks c ON c.rowid = chunk_terms.rowid JOIN documents d ON d.id = c.document_id WHERE chunk_terms MATCH $match", match, filter, depth))
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
        var unknown = await UnknownTermsAsync(connection, queryTerms, cancellationToken).ConfigureAwait(false);
        var grams = await GramsBm25.OpenAsync(connection, GramRowCounts(), cancellationToken).ConfigureAwait(false);
        if (unknown.Count > 0 && grams is not null)
        {
            var added = new List<string>();
            foreach (var (chunk, rowId) in await ChunksByUnknownGramsAsync(connection, grams, TermGrams.Of(unknown), filter, cancellationToken).ConfigureAwait(false))
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
            if (summaries.TryGetValue(chunk.DocumentId, out var summary))
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

    /// <summary>
    /// The <see cref="TermGrams.UnknownTermCandidates"/> chunks whose grams' BM25 for <paramref name="unknownGrams"/> is
    /// highest. FTS5 ranks only by the rarest of the grams (as many as hold at most <see cref="RareGramPostings"/> chunk
    /// entries between them, at least one): ranked by all of them, a MATCH scores every chunk holding any, which is slow
    /// in a large store. Its <see cref="UnknownGramPool"/> best are then ranked by all the grams (<see cref="GramsBm25"/>).
    /// The rare grams carry the idf that decides the ranking: the eval reports did not change (docs/quality-levers.md,
    /// "Unknown-term grams ranked by the rarest grams").
    /// </summary>
    private static async Task<IReadOnlyList<(Chunk Chunk, long RowId)>> ChunksByUnknownGramsAsync(SqliteConnection connection, GramsBm25 grams, IReadOnlyList<string> unknownGrams, SearchFilter filter, CancellationToken ct)
    {
        var byRarity = new List<(string Gram, long Rows)>();
        foreach (var gram in unknownGrams.Distinct(StringComparer.Ordinal).Where(GramsBm25.IsOneToken))
        {
            var rows = await grams.RowsHoldingAsync(connection, gram, ct).ConfigureAwait(false);
            if (rows > 0)
            {
                byRarity.Add((gram, rows));
            }
        }

        byRarity.Sort((x, y) => x.Rows != y.Rows ? x.Rows.CompareTo(y.Rows) : string.CompareOrdinal(x.Gram, y.Gram));
        var rare = new List<string>();
        long postings = 0;
        foreach (var (gram, rows) in byRarity)
        {
            if (rare.Count > 0 && postings + rows > RareGramPostings)
            {
                break;
            }

            rare.Add(gram);
            postings += rows;
        }

        if (SqlFilter.FtsQuery(rare) is not { } match)
        {
            return [];
        }

        // Row ids only: carried through FTS5's sort, the chunks' texts made this query much slower (docs/quality-levers.md).
        var pool = new List<long>();
        await using (var byGrams = LexicalCommand(connection, "SELECT c.rowid, bm25(chunk_grams) AS rank FROM chunk_grams JOIN chunks c ON c.rowid = chunk_grams.rowid JOIN documents d ON d.id = c.document_id WHERE chunk_grams MATCH $match", match, filter, UnknownGramPool))
        await using (var reader = await byGrams.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                pool.Add(reader.GetInt64(0));
            }
        }

        var weights = byRarity.ToDictionary(g => g.Gram, _ => 1.0, StringComparer.Ordinal);
        var scores = await grams.ScoreAsync(connection, weights, pool, ct).ConfigureAwait(false);
        var chunks = await ChunksByRowAsync(connection, scores.Keys, ct).ConfigureAwait(false);
        return scores
            .Where(s => chunks.ContainsKey(s.Key))
            .OrderByDescending(s => s.Value).ThenBy(s => chunks[s.Key].Id, StringComparer.Ordinal)
            .Take(TermGrams.UnknownTermCandidates)
            .Select(s => (chunks[s.Key], s.Key))
            .ToList();
    }

    /// <summary>The grams' row counts for this search: kept while the store's generation stays the one they were read at.</summary>
    private GramsBm25.RowCounts GramRowCounts()
    {
        var generation = Volatile.Read(ref knownGeneration);
        var counts = gramRowCounts;
        if (counts?.Generation != generation)
        {
            counts = new GramsBm25.RowCounts(generation);
            gramRowCounts = counts;
        }

        return counts;
    }

    private static async Task<Dictionary<long, Chunk>> ChunksByRowAsync(SqliteConnection connection, IEnumerable<long> rowIds, CancellationToken ct)
    {
        var byRow = new Dictionary<long, Chunk>();
        await using var cmd = Command(connection, null, "SELECT c.id, c.document_id, c.idx, c.start, c.end, c.text, c.rowid FROM chunks c WHERE c.rowid IN (SELECT value FROM json_each($rows))");
        cmd.Parameters.AddWithValue("$rows", JsonSerializer.Serialize(rowIds));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            byRow[reader.GetInt64(6)] = ReadChunk(reader, 0);
        }

        return byRow;
    }

    /// <summary>The distinct query terms that no chunk of the store has (whatever the filter: a word the archive knows is no typo).</summary>
    private static async Task<IReadOnlyList<string>> UnknownTermsAsync(SqliteConnection connection, IReadOnlyList<string> queryTerms, CancellationToken ct)
    {
        var unknown = new List<string>();
        await using var cmd = Command(connection, null, "SELECT EXISTS (SELECT 1 FROM chunk_terms WHERE chunk_terms MATCH $match)");
        var parameter = cmd.Parameters.Add("$match", SqliteType.Text);
        foreach (var term in queryTerms.Distinct(StringComparer.Ordinal))
        {
            if (SqlFilter.FtsQuery([term]) is not { } match)
            {
                continue;
            }

            parameter.Value = match;
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                unknown.Add(term);
            }
        }

        return unknown;
    }

    private static SqliteCommand LexicalCommand(SqliteConnection connection, string select, string match, SearchFilter filter, int limit)
    {
        var sql = new StringBuilder(select);
        var cmd = Command(connection, null, string.Empty);
        cmd.Parameters.AddWithValue("$match", match);
        SqlFilter.Append(sql, cmd, filter);
        sql.Append(" ORDER BY rank LIMIT $top");
        cmd.Parameters.AddWithValue("$top", limit);
        cmd.CommandText = sql.ToString();
        return cmd;
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
