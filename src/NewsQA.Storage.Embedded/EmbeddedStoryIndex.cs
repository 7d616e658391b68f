using System.Text;
using System.Text.Json;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Core.Stories;
using static NewsQA.Storage.Embedded.SqliteCommands;
using static NewsQA.Storage.Embedded.SqliteRows;

namespace NewsQA.Storage.Embedded;

/// <summary>The embedded store's story keys: <c>story_bands</c> looked up by (band, hash), members by <c>story_id</c> (<see cref="StoryTables"/>).</summary>
internal sealed class EmbeddedStoryIndex(EmbeddedDatabase database) : IStoryIndex
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoryCandidate>> FindStoryCandidatesAsync(IReadOnlyList<StoryBand> bands, CancellationToken cancellationToken = default)
    {
        if (bands.Count == 0)
        {
            return [];
        }

        // One statement: each wanted (band, hash) is one probe of the (band, hash) index.
        var values = new StringBuilder();
        for (var i = 0; i < bands.Count; i++)
        {
            values.Append(i == 0 ? "" : ", ").Append("($b").Append(i).Append(", $h").Append(i).Append(')');
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"""
            WITH wanted(band, hash) AS (VALUES {values})
            SELECT DISTINCT d.id, d.story_id, d.story_signature, d.published
            FROM wanted w JOIN story_bands b ON b.band = w.band AND b.hash = w.hash JOIN documents d ON d.id = b.document
            WHERE d.story_signature IS NOT NULL
            """);
        for (var i = 0; i < bands.Count; i++)
        {
            cmd.Parameters.AddWithValue("$b" + i, bands[i].Band);
            cmd.Parameters.AddWithValue("$h" + i, bands[i].Hash);
        }

        var found = new List<StoryCandidate>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            found.Add(new StoryCandidate(id, NullableString(reader, 1) ?? id, StorySignature.FromBytes((byte[])reader.GetValue(2)), ParseDate(NullableString(reader, 3))));
        }

        return found;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DocumentSummary>> GetStoryMembersAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default)
    {
        if (storyIds.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await database.Mirror.RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT id FROM documents WHERE story_id IN (SELECT value FROM json_each($stories)) ORDER BY published_from, id");
        cmd.Parameters.AddWithValue("$stories", JsonSerializer.Serialize(storyIds));
        var members = new List<DocumentSummary>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (database.Mirror.Summaries.TryGetValue(reader.GetString(0), out var summary))
            {
                members.Add(summary);
            }
        }

        return members;
    }
}
