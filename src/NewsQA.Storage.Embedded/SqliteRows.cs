using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsQA.Core.Documents;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// Rows of the embedded store's tables as the domain types, mapped in one place. A chunk's text is not stored twice:
/// it is its document's text at the chunk's span.
/// </summary>
internal static class SqliteRows
{
    /// <summary>The chunk columns every chunk query selects first: id, document id, index, start, end.</summary>
    public const string ChunkColumns = "c.id, c.document_id, c.idx, c.start, c.end";

    /// <summary>A chunk from <see cref="ChunkColumns"/> at <paramref name="offset"/>, its text cut from <paramref name="documentText"/>.</summary>
    public static Chunk ReadChunk(SqliteDataReader reader, int offset, string documentText)
    {
        var span = new TextSpan(reader.GetInt32(offset + 3), reader.GetInt32(offset + 4));
        return new Chunk(reader.GetString(offset), reader.GetString(offset + 1), reader.GetInt32(offset + 2), span, span.Slice(documentText));
    }

    public static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static PublicationDate? ParseDate(string? value) => PublicationDate.TryParse(value, out var d) ? d : null;

    /// <summary>The chunks of <paramref name="rowIds"/> by row id; a row deleted meanwhile is simply missing.</summary>
    public static async Task<Dictionary<long, Chunk>> ChunksByRowAsync(SqliteConnection connection, IEnumerable<long> rowIds, CancellationToken ct)
    {
        var rows = new List<(long RowId, string Id, string DocumentId, int Index, int Start, int End)>();
        await using (var cmd = Command(connection, null, $"SELECT {ChunkColumns}, c.rowid FROM chunks c WHERE c.rowid IN (SELECT value FROM json_each($rows))"))
        {
            cmd.Parameters.AddWithValue("$rows", JsonSerializer.Serialize(rowIds));
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add((reader.GetInt64(5), reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
            }
        }

        // Each document's text is read once, however many of its chunks were hit.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = Command(connection, null, "SELECT id, text FROM documents WHERE id IN (SELECT value FROM json_each($ids))"))
        {
            cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(rows.Select(r => r.DocumentId).Distinct(StringComparer.Ordinal)));
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                texts[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var byRow = new Dictionary<long, Chunk>(rows.Count);
        foreach (var r in rows)
        {
            if (texts.TryGetValue(r.DocumentId, out var text))
            {
                var span = new TextSpan(r.Start, r.End);
                byRow[r.RowId] = new Chunk(r.Id, r.DocumentId, r.Index, span, span.Slice(text));
            }
        }

        return byRow;
    }
}
