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
    public static Task AddAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        AddDocumentsColumnAsync(connection, "file_name", "TEXT", cancellationToken);
}
