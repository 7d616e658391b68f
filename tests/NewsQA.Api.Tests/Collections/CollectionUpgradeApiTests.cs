using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Collections;

/// <summary>
/// Issue 35's "done when": an installation from before collections keeps working unchanged. The API opens the data
/// folder the previous build wrote (<see cref="StoreV3Folder"/>), serves its documents from <c>default</c> under their
/// old ids and without naming a collection, and its one <c>Auth:ApiKey</c> still decides writes as it did.
/// </summary>
public sealed class CollectionUpgradeApiTests : IAsyncLifetime
{
    private const string Key = "the-old-single-key-42";

    private readonly TempFolder folder = new("newsqa-upgrade-api-");
    private NewsQaApplication? app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app = new NewsQaApplication(new Dictionary<string, string?>
        {
            ["Data:Path"] = StoreV3Folder.CopyTo(Path.Combine(folder, "data")),
            ["Seeds:IngestOnEmpty"] = "false",
            ["Auth:ApiKey"] = Key,
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await app!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task OldDataFolder_IsServedFromDefault_AsBefore()
    {
        using var client = app!.CreateClient();

        var list = await client.GetJsonAsync("/api/documents", Ct);
        Assert.Equal(StoreV3Folder.SeedIds, list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal("default", i!["collection"]!.GetValue<string>()));

        var document = await client.GetJsonAsync($"/api/documents/{StoreV3Folder.SeedIds[0]}", Ct);
        Assert.Equal(StoreV3Folder.SeedIds[0], document["id"]!.GetValue<string>());

        var search = await client.PostJsonAsync("/api/search", new { query = "Raketen Ukraine" }, Ct);
        Assert.NotEmpty(search["results"]!.AsArray());
        Assert.All(search["results"]!.AsArray(), h => Assert.Contains(h!["documentId"]!.GetValue<string>(), StoreV3Folder.SeedIds));

        var answer = await client.PostJsonAsync("/api/ask", new { question = "Wie viele Raketen will die Ukraine in diesem Jahr produzieren?" }, Ct);
        Assert.Equal("answered", answer["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task OldApiKey_KeepsItsMeaning()
    {
        using var anonymous = app!.CreateClient();
        using var keyed = app.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", Key);
        using var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key-at-all-0");

        using var unkeyed = await anonymous.PutAsJsonAsync("/api/documents/neu", new { text = "Die Bahn streikt am Montag." }, Ct);
        using var wrongKey = await wrong.PutAsJsonAsync("/api/documents/neu", new { text = "Die Bahn streikt am Montag." }, Ct);
        using var written = await keyed.PutAsJsonAsync("/api/documents/neu", new { text = "Die Bahn streikt am Montag." }, Ct);
        using var elsewhere = await keyed.PutAsJsonAsync("/api/documents/neu", new { text = "Die Bahn streikt am Montag.", collection = "archiv" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, unkeyed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);

        // Reads of default stay open, as they were; another collection is not public.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/documents/neu", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/documents/neu?collection=archiv", Ct)).StatusCode);
        var archived = await keyed.GetJsonAsync("/api/documents/neu?collection=archiv", Ct);
        Assert.Equal("archiv", archived["collection"]!.GetValue<string>());
    }
}
