using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NewsQA.Api.Tests.Collections;

/// <summary>Creating, listing, deleting collections and moving a document between them, each needing the right to write what it changes.</summary>
public sealed class CollectionManagementTests() : ApiTest(new Dictionary<string, string?>
{
    ["Seeds:IngestOnEmpty"] = "false",
    ["Auth:ApiKey"] = CollectionWorld.AdminKey,
    ["Auth:Keys:0:Key"] = CollectionWorld.DeskKey,
    ["Auth:Keys:0:Read:0"] = CollectionWorld.Desk,
    ["Auth:Keys:0:Write:0"] = CollectionWorld.Desk,
})
{
    [Fact]
    public async Task CreatedCollection_IsListedEmpty_AndDeletedWithItsDocuments()
    {
        using var desk = Keyed(CollectionWorld.DeskKey);
        using var created = await desk.PostAsJsonAsync("/api/collections", new { name = CollectionWorld.Desk }, Ct);
        using var again = await desk.PostAsJsonAsync("/api/collections", new { name = CollectionWorld.Desk }, Ct);
        using var foreign = await desk.PostAsJsonAsync("/api/collections", new { name = "agency" }, Ct);
        using var invalid = await desk.PostAsJsonAsync("/api/collections", new { name = "a/b" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        await ProblemAssert.NamesFieldAsync(invalid, "collection");
        var listed = await desk.GetJsonAsync("/api/collections", Ct);
        Assert.Contains(listed["items"]!.AsArray(), i => i!["name"]!.GetValue<string>() == CollectionWorld.Desk && i["documents"]!.GetValue<long>() == 0);

        using var put = await desk.PutAsJsonAsync("/api/documents/a", new { text = "Die Redaktion schreibt über den Hafen.", collection = CollectionWorld.Desk }, Ct);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        using var deleted = await desk.DeleteAsync($"/api/collections/{CollectionWorld.Desk}", Ct);
        using var deletedAgain = await desk.DeleteAsync($"/api/collections/{CollectionWorld.Desk}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/api/documents/a?collection={CollectionWorld.Desk}", Ct)).StatusCode);
        var search = await desk.PostJsonAsync("/api/search", new { query = "Hafen", collection = CollectionWorld.Desk }, Ct);
        Assert.Empty(search["results"]!.AsArray());
    }

    [Fact]
    public async Task Move_NeedsBothRights_AndLeavesTheDocumentInTheTargetOnly()
    {
        using var admin = Keyed(CollectionWorld.AdminKey);
        using var desk = Keyed(CollectionWorld.DeskKey);
        const string text = "Die Redaktion berichtet über die Werft. Der Bericht ist fertig.";
        (await admin.PutAsJsonAsync("/api/documents/werft", new { text, collection = CollectionWorld.Desk }, Ct)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/documents/taken", new { text = "Ein Text im Archiv.", collection = "archiv" }, Ct)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/documents/taken", new { text = "Ein Text der Redaktion.", collection = CollectionWorld.Desk }, Ct)).EnsureSuccessStatusCode();

        using var refused = await desk.PostAsJsonAsync($"/api/documents/werft/move?collection={CollectionWorld.Desk}", new { to = "archiv" }, Ct);
        using var conflict = await admin.PostAsJsonAsync($"/api/documents/taken/move?collection={CollectionWorld.Desk}", new { to = "archiv" }, Ct);
        using var missing = await admin.PostAsJsonAsync($"/api/documents/nirgends/move?collection={CollectionWorld.Desk}", new { to = "archiv" }, Ct);
        using var moved = await admin.PostAsJsonAsync($"/api/documents/werft/move?collection={CollectionWorld.Desk}", new { to = "archiv" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Ein Text im Archiv.", (await admin.GetJsonAsync("/api/documents/taken?collection=archiv", Ct))["text"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/documents/werft?collection={CollectionWorld.Desk}", Ct)).StatusCode);
        Assert.Equal(text, (await admin.GetJsonAsync("/api/documents/werft?collection=archiv", Ct))["text"]!.GetValue<string>());

        var inDesk = await admin.PostJsonAsync("/api/search", new { query = "Werft", collection = CollectionWorld.Desk }, Ct);
        var inArchive = await admin.PostJsonAsync("/api/search", new { query = "Werft", collection = "archiv" }, Ct);
        Assert.Empty(inDesk["results"]!.AsArray());
        Assert.Equal(["werft"], inArchive["results"]!.AsArray().Select(h => h!["documentId"]!.GetValue<string>()).Distinct());
    }

    private HttpClient Keyed(string key)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
