using Microsoft.Data.Sqlite;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The documents' <c>collection</c> column (schema version 4): the collection of the document's key
/// (<see cref="NewsQA.Core.Documents.DocumentKey"/>), kept so the file says on its own which documents belong where. A
/// file of an older version gets the column on open with <c>default</c> for every row: its ids hold no '/', so each
/// of its documents is a document of the default collection, where it stays readable by its old id.
/// </summary>
internal static class CollectionColumn
{
    public static async Task AddAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var columns = Command(connection, null, "SELECT 1 FROM pragma_table_info('documents') WHERE name = 'collection'");
        if (await columns.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await ExecuteAsync(connection, "ALTER TABLE documents ADD COLUMN collection TEXT NOT NULL DEFAULT 'default'", cancellationToken).ConfigureAwait(false);
        }
    }
}
