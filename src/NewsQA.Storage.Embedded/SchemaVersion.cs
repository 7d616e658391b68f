using Microsoft.Data.Sqlite;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// What the store's file is, recorded in SQLite's own header fields: <c>PRAGMA application_id</c> marks it as
/// NewsQA's and <c>PRAGMA user_version</c> holds its schema version. Checked before anything is written, so a file of
/// another program, or of a newer NewsQA, is refused untouched (not even switched to WAL); a file of an older NewsQA
/// (written before the version was recorded: no id, but NewsQA's tables) is upgraded by the usual schema steps and
/// stamped after them.
/// </summary>
internal static class SchemaVersion
{
    /// <summary>"NwQA" in ASCII: the application id NewsQA writes into its files' header.</summary>
    public const int ApplicationId = 0x4E775141;

    /// <summary>
    /// The schema version this build writes; raise it with each schema change that needs an upgrade step. 2: the lexical
    /// index moved to Lucene (FTS5 tables and the chunks' text copies dropped, <c>lexical_log</c> added), which a
    /// version-1 build could not read. 3: documents record the file name their id was derived from (<c>file_name</c>,
    /// <see cref="FileNameColumn"/>), which a version-2 build would drop on its next write of the document. 4: documents
    /// belong to collections (<see cref="CollectionColumn"/>), which a version-3 build would serve to every reader as
    /// documents of one archive. 5: documents record their story and its keys (<see cref="StoryTables"/>), which a
    /// version-4 build would leave stale on a write.
    /// </summary>
    public const int Current = 5;

    /// <summary>Throws <see cref="StoreUnavailableException"/> (file untouched) unless the open file is new, NewsQA's own, or an older NewsQA's.</summary>
    public static async Task CheckAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var id = await SqliteCommands.ScalarAsync(connection, "PRAGMA application_id", cancellationToken).ConfigureAwait(false);
        var version = await SqliteCommands.ScalarAsync(connection, "PRAGMA user_version", cancellationToken).ConfigureAwait(false);
        var tables = await SqliteCommands.ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", cancellationToken).ConfigureAwait(false);
        var ours = await SqliteCommands.ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'documents', 'chunks')", cancellationToken).ConfigureAwait(false);

        if (id == ApplicationId && version > Current)
        {
            throw Refused($"was written by a newer NewsQA (schema version {version}; this one knows up to {Current}); run that version, or point Data:Path at another folder");
        }

        var isOurs = id == ApplicationId || (id == 0 && (tables == 0 || ours == 3));
        if (!isOurs)
        {
            throw Refused("belongs to another program (it is not a NewsQA store); NewsQA leaves it untouched: point Data:Path at another folder");
        }
    }

    /// <summary>Records that the file is NewsQA's, at <see cref="Current"/>; run after the schema steps succeeded.</summary>
    public static Task StampAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        SqliteCommands.ExecuteAsync(connection, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {Current};", cancellationToken);

    private static StoreUnavailableException Refused(string why) =>
        new($"The embedded store's file {why}.") { Component = "embedded store" };
}
