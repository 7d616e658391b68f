using Microsoft.Data.Sqlite;
using NewsQA.Core.Language;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The documents' <c>language</c> column. A store written before it existed gets the column on open, and every document
/// without a language gets the detected one (<see cref="TextLanguage"/>, the rule ingest uses), in one transaction that
/// bumps the write generation so other processes on the same file reload, and logs each change for the lexical index.
/// </summary>
internal static class LanguageBackfill
{
    public static async Task RunAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var tx = connection.BeginTransaction(deferred: false);
        var hasColumn = false;
        await using (var columns = Command(connection, tx, "SELECT 1 FROM pragma_table_info('documents') WHERE name = 'language'"))
        {
            hasColumn = await columns.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }

        if (!hasColumn)
        {
            await using var alter = Command(connection, tx, "ALTER TABLE documents ADD COLUMN language TEXT");
            await alter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var missing = new List<(string Id, string Language)>();
        await using (var select = Command(connection, tx, "SELECT id, text FROM documents WHERE language IS NULL"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                missing.Add((reader.GetString(0), TextLanguage.Detect(reader.GetString(1))));
            }
        }

        if (missing.Count > 0)
        {
            await using (var update = Command(connection, tx, "UPDATE documents SET language = $language WHERE id = $id"))
            {
                foreach (var (id, language) in missing)
                {
                    update.Parameters.Clear();
                    update.Parameters.AddWithValue("$id", id);
                    update.Parameters.AddWithValue("$language", language);
                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

                    // The lexical index filters by language: it takes the new one like any other change.
                    await Lexical.LexicalLog.AppendAsync(connection, tx, id, cancellationToken).ConfigureAwait(false);
                }
            }

            await WriteGeneration.BumpAsync(connection, tx, cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
