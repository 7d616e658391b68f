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
    public static Task AddAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        AddDocumentsColumnAsync(connection, "collection", "TEXT NOT NULL DEFAULT 'default'", cancellationToken);
}
