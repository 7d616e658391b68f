using Microsoft.Data.Sqlite;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using static NewsQA.Storage.Embedded.SqliteCommands;
using static NewsQA.Storage.Embedded.SqliteRows;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// How the embedded lexical index finds passages for a query term no chunk has (a typo, a compound's part): by the
/// grams of such terms (<see cref="TermGrams"/>), beside the chunks the known terms find.
/// </summary>
internal static class UnknownTermGrams
{
    /// <summary>Chunk entries the rare grams of unknown terms may hold between them (<see cref="ChunksAsync"/>).</summary>
    private const long RareGramPostings = 5_000;

    /// <summary>Chunks the rare grams find for all the grams to rank (<see cref="ChunksAsync"/>).</summary>
    private const int UnknownGramPool = 100;

    /// <summary>The distinct query terms that no chunk of the store has (whatever the filter: a word the archive knows is no typo).</summary>
    public static async Task<IReadOnlyList<string>> UnknownTermsAsync(SqliteConnection connection, IReadOnlyList<string> queryTerms, CancellationToken ct)
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

    /// <summary>
    /// The <see cref="TermGrams.UnknownTermCandidates"/> chunks whose grams' BM25 for <paramref name="unknownGrams"/> is
    /// highest. FTS5 ranks only by the rarest of the grams (as many as hold at most <see cref="RareGramPostings"/> chunk
    /// entries between them, at least one): ranked by all of them, a MATCH scores every chunk holding any, which at 100k
    /// chunks took half a second for one unknown word. Its <see cref="UnknownGramPool"/> best are then ranked by all the
    /// grams (<see cref="GramsBm25"/>). The rare grams carry the idf that decides the ranking: on XQuAD dev with the 1,028
    /// distractors every eval report stayed byte-identical to ranking by all.
    /// </summary>
    public static async Task<IReadOnlyList<(Chunk Chunk, long RowId)>> ChunksAsync(SqliteConnection connection, GramsBm25 grams, IReadOnlyList<string> unknownGrams, SearchFilter filter, CancellationToken ct)
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

        // Row ids only: carried through FTS5's sort, the chunks' texts made this query six times slower at 100k chunks.
        var pool = new List<long>();
        await using (var byGrams = SqlFilter.LexicalCommand(connection, "SELECT c.rowid, bm25(chunk_grams) AS rank FROM chunk_grams JOIN chunks c ON c.rowid = chunk_grams.rowid JOIN documents d ON d.id = c.document_id WHERE chunk_grams MATCH $match", match, filter, UnknownGramPool))
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
}
