using Microsoft.Data.Sqlite;

namespace NewsQA.Storage.Embedded;

/// <summary>How the embedded store's classes make and run their SQLite commands.</summary>
internal static class SqliteCommands
{
    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The single integer <paramref name="sql"/> selects (a count, a pragma's value).</summary>
    public static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Adds a column to <c>documents</c> unless it has one of that name: an upgrade step of an older file.</summary>
    public static async Task AddDocumentsColumnAsync(SqliteConnection connection, string column, string definition, CancellationToken cancellationToken)
    {
        await using var columns = Command(connection, null, "SELECT 1 FROM pragma_table_info('documents') WHERE name = $name");
        columns.Parameters.AddWithValue("$name", column);
        if (await columns.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await ExecuteAsync(connection, $"ALTER TABLE documents ADD COLUMN {column} {definition}", cancellationToken).ConfigureAwait(false);
        }
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
