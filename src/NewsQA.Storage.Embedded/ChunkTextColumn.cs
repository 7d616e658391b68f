using Microsoft.Data.Sqlite;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// Files written before chunks stopped keeping a copy of their text (a chunk's text is its document's at its span):
/// the column is dropped once, on open.
/// </summary>
internal static class ChunkTextColumn
{
    public static async Task DropAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var columns = Command(connection, null, "SELECT 1 FROM pragma_table_info('chunks') WHERE name = 'text'"))
        {
            if (await columns.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return;
            }
        }

        await ExecuteAsync(connection, "ALTER TABLE chunks DROP COLUMN text", cancellationToken).ConfigureAwait(false);
    }
}
