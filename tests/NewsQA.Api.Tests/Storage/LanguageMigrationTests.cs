using Microsoft.Data.Sqlite;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Storage;

/// <summary>
/// A data directory written before documents had a language: the API opens it, every document gets its detected
/// language, and the language filter works on it — nothing re-ingested, nothing lost.
/// </summary>
public sealed class LanguageMigrationTests : IDisposable
{
    private readonly TempFolder dataPath = new("newsqa-migration-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADatabaseFromBeforeLanguages_OpensBackfilledAndFilterable()
    {
        var settings = new Dictionary<string, string?> { ["Data:Path"] = dataPath };
        await using (var first = new NewsQaApplication(settings))
        {
            using var client = first.CreateClient();
            await client.PostJsonAsync("/api/documents", new { id = "en-old", text = "The allies met in Brussels on Monday, and they promised more air defence systems for the winter." }, Ct);
        }

        // What the previous version left on disk: the same tables without the language column.
        SqliteConnection.ClearAllPools();
        var database = Directory.GetFiles(dataPath, "*.db", SearchOption.AllDirectories).Single();
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            await connection.OpenAsync(Ct);
            await using var drop = connection.CreateCommand();
            drop.CommandText = "ALTER TABLE documents DROP COLUMN language";
            await drop.ExecuteNonQueryAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        await using var second = new NewsQaApplication(settings);
        using var reopened = second.CreateClient();

        var items = (await reopened.GetJsonAsync("/api/documents", Ct))["items"]!.AsArray();
        Assert.Equal(6, items.Count);
        Assert.Equal("en", items.Single(i => i!["id"]!.GetValue<string>() == "en-old")!["language"]!.GetValue<string>());
        Assert.Equal(5, items.Count(i => i!["language"]!.GetValue<string>() == "de"));
        var english = await reopened.PostJsonAsync("/api/search", new { query = "Brussels allies", filter = new { language = "en" } }, Ct);
        Assert.Equal("en-old", Assert.Single(english["results"]!.AsArray())!["documentId"]!.GetValue<string>());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dataPath.Dispose();
    }
}
