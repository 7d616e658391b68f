using NewsQA.Core.Storage;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// SQLite's own check of the whole file (<c>PRAGMA integrity_check</c>), and <c>REINDEX</c>, which rebuilds every
/// SQLite index from its table: damage confined to indexes goes away; damage in a table's pages stays, and the file
/// is reported damaged.
/// </summary>
internal sealed class StoreFileCheck(EmbeddedDatabase database) : IStoreFileCheck
{
    /// <inheritdoc/>
    public async Task<StoreFileState> CheckAndRepairAsync(CancellationToken cancellationToken = default)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (await IsSoundAsync(connection, cancellationToken).ConfigureAwait(false))
            {
                return StoreFileState.Sound;
            }

            await ExecuteAsync(connection, "REINDEX;", cancellationToken).ConfigureAwait(false);
            return await IsSoundAsync(connection, cancellationToken).ConfigureAwait(false) ? StoreFileState.Repaired : StoreFileState.Damaged;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // A file too damaged to be checked or reindexed is damaged.
            return StoreFileState.Damaged;
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    private static async Task<bool> IsSoundAsync(Microsoft.Data.Sqlite.SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var check = Command(connection, null, "PRAGMA integrity_check(1)");
        return await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is "ok";
    }
}
