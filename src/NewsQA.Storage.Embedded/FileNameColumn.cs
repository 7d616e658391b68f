using Microsoft.Data.Sqlite;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The documents' <c>file_name</c> column (schema version 3): the file name a document's id was derived from, compared
/// when a document of that id is written (<see cref="NewsQA.Core.Storage.DocumentIdTakenException"/>). A file of an
/// older version gets the column on open, empty for every document: none of them was recorded, so each takes the name
/// of the next file written to its id.
/// </summary>
internal static class FileNameColumn
{
    public static async Task AddAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var columns = Command(connection, null, "SELECT 1 FROM pragma_table_info('documents') WHERE name = 'file_name'");
        if (await columns.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await ExecuteAsync(connection, "ALTER TABLE documents ADD COLUMN file_name TEXT", cancellationToken).ConfigureAwait(false);
        }
    }
}
