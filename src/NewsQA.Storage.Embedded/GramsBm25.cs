using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// FTS5's BM25 of the grams field for a given set of chunks, computed here rather than by <c>bm25()</c>. FTS5 scores a
/// MATCH on every row holding any of its phrases before a rowid filter applies, and a question's grams are in most
/// chunks, which made every search slow at archive scale (docs/quality-levers.md, GramsBm25), while grams only reorder
/// the hundred or so chunks the terms found. The statistics are FTS5's own: row count and total tokens from its averages record,
/// each gram's rows from <c>chunk_grams_vocab</c> (fts5vocab), a chunk's tokens as the unicode61 tokenizer splits them;
/// the formula is SQLite's (ext/fts5/fts5_aux.c: k1 1.2, b 0.75, an idf of at most 0 raised to 1e-6). So a gram that
/// is one token scores exactly as <c>bm25()</c> scores it (GramsBm25Tests); a gram with punctuation in it
/// ("1.0" of "71.000"), a phrase of two tokens to FTS5, is left out.
/// </summary>
internal sealed class GramsBm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly long rows;
    private readonly double averageLength;
    private readonly RowCounts rowsHolding;

    private GramsBm25(long rows, long tokens, RowCounts rowsHolding)
    {
        this.rows = rows;
        averageLength = (double)tokens / rows;
        this.rowsHolding = rowsHolding;
    }

    /// <summary>
    /// The table's totals from FTS5's averages record (the %_data row with id 1: varints of the row count and the total
    /// tokens of the one column, fts5_storage.c); null for a table without rows.
    /// </summary>
    /// <param name="connection">An open connection to the store.</param>
    /// <param name="rowsHolding">Each gram's row count as far as known at the store's current generation.</param>
    /// <param name="ct">Cancels the reads.</param>
    public static async Task<GramsBm25?> OpenAsync(SqliteConnection connection, RowCounts rowsHolding, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT block FROM chunk_grams_data WHERE id = 1";
        if (await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is not byte[] block)
        {
            return null;
        }

        var offset = 0;
        var rows = Varint(block, ref offset);
        var tokens = Varint(block, ref offset);
        return rows > 0 ? new GramsBm25(rows, tokens, rowsHolding) : null;
    }

    /// <summary>A gram FTS5 reads as one token: the whole of it is token characters. Others are phrases to FTS5, and left out.</summary>
    public static bool IsOneToken(string gram) => gram.Length > 0 && gram.All(IsTokenChar);

    /// <summary>
    /// How many chunks hold <paramref name="gram"/>. fts5vocab counts them by reading the gram's whole doclist, which is
    /// slow for common grams in a large store (docs/quality-levers.md, GramsBm25), so the counts are kept until the
    /// store changes (<see cref="RowCounts"/>).
    /// </summary>
    public async Task<long> RowsHoldingAsync(SqliteConnection connection, string gram, CancellationToken ct)
    {
        if (!rowsHolding.Counts.TryGetValue(gram, out var hits))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT doc FROM chunk_grams_vocab WHERE term = $term";
            cmd.Parameters.AddWithValue("$term", gram);
            hits = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is { } doc ? Convert.ToInt64(doc, CultureInfo.InvariantCulture) : 0;
            rowsHolding.Counts[gram] = hits;
        }

        return hits;
    }

    /// <summary>
    /// Σ weight × BM25 term of each gram ("higher is better") for each of <paramref name="rowIds"/> holding one of the
    /// weighted grams: several bm25() calls over different grams, each with its weight, add up to one such sum.
    /// </summary>
    public async Task<Dictionary<long, double>> ScoreAsync(SqliteConnection connection, IReadOnlyDictionary<string, double> weights, IReadOnlyCollection<long> rowIds, CancellationToken ct)
    {
        var scores = new Dictionary<long, double>();
        var idf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var gram in weights.Keys.Where(IsOneToken))
        {
            var hits = await RowsHoldingAsync(connection, gram, ct).ConfigureAwait(false);
            var value = Math.Log((rows - hits + 0.5) / (hits + 0.5));
            idf[gram] = weights[gram] * (value <= 0 ? 1e-6 : value);
        }

        if (idf.Count == 0 || rowIds.Count == 0)
        {
            return scores;
        }

        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT rowid, grams FROM chunk_grams WHERE rowid IN (SELECT value FROM json_each($rows))";
        cmd.Parameters.AddWithValue("$rows", JsonSerializer.Serialize(rowIds));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var tokens = Tokens(reader.GetString(1));
            var frequency = tokens.CountBy(t => t, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var lengthNorm = K1 * (1 - B + (B * tokens.Count / averageLength));
            double score = 0;
            var matched = false;
            foreach (var (gram, weightedIdf) in idf)
            {
                if (frequency.TryGetValue(gram, out var f))
                {
                    score += weightedIdf * (f * (K1 + 1) / (f + lengthNorm));
                    matched = true;
                }
            }

            // As bm25() in a MATCH: a chunk without any of the grams is not scored at all.
            if (matched)
            {
                scores[reader.GetInt64(0)] = score;
            }
        }

        return scores;
    }

    /// <summary>Grams' row counts at one generation of the store: any write makes a new generation and so a new set.</summary>
    internal sealed class RowCounts(long generation)
    {
        public long Generation { get; } = generation;

        public ConcurrentDictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>SQLite's varint: big-endian groups of 7 bits while the high bit is set, a ninth byte of 8 bits.</summary>
    private static long Varint(byte[] data, ref int offset)
    {
        long value = 0;
        for (var i = 0; i < 8 && offset < data.Length; i++)
        {
            var b = data[offset++];
            value = (value << 7) | (b & 0x7fL);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        return offset < data.Length ? (value << 8) | data[offset++] : value;
    }

    /// <summary>The tokens unicode61 makes of a chunk's grams: runs of letters, numbers, private-use characters and "_".</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsTokenChar(text[i]))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                tokens.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return tokens;
    }

    // unicode61's default token categories "L* N* Co", plus the table's tokenchars '_' (SqliteSchema).
    private static bool IsTokenChar(char c) => c == '_' || char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.PrivateUse => true,
        _ => false,
    };
}
