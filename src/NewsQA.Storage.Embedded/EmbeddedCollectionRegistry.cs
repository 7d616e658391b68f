using NewsQA.Core.Storage;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>The embedded store's declared collections: the <c>collections</c> table of its file (<see cref="SqliteSchema"/>).</summary>
internal sealed class EmbeddedCollectionRegistry(EmbeddedDatabase database) : ICollectionRegistry
{
    public async Task<IReadOnlyList<string>> ListDeclaredAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT name FROM collections ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public Task<bool> DeclareAsync(string collection, CancellationToken cancellationToken = default) =>
        ChangeAsync("INSERT OR IGNORE INTO collections (name) VALUES ($name)", collection, cancellationToken);

    public Task<bool> ForgetAsync(string collection, CancellationToken cancellationToken = default) =>
        ChangeAsync("DELETE FROM collections WHERE name = $name", collection, cancellationToken);

    private async Task<bool> ChangeAsync(string sql, string collection, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql);
        command.Parameters.AddWithValue("$name", collection);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
