using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsQA.Core.Documents;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>Rows of the embedded store's tables as the domain types, mapped in one place.</summary>
internal static class SqliteRows
{
    public static Chunk ReadChunk(SqliteDataReader reader, int offset) =>
        new(reader.GetString(offset), reader.GetString(offset + 1), reader.GetInt32(offset + 2), new TextSpan(reader.GetInt32(offset + 3), reader.GetInt32(offset + 4)), reader.GetString(offset + 5));

    public static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static PublicationDate? ParseDate(string? value) => PublicationDate.TryParse(value, out var d) ? d : null;

    /// <summary>The chunks of <paramref name="rowIds"/> by row id; a row deleted meanwhile is simply missing.</summary>
    public static async Task<Dictionary<long, Chunk>> ChunksByRowAsync(SqliteConnection connection, IEnumerable<long> rowIds, CancellationToken ct)
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
}
