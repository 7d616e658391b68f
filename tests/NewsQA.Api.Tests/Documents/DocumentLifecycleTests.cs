using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsQA.Api.Tests.Documents;

public sealed class DocumentLifecycleTests() : ApiTest(new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false" })
{
    [Fact]
    public async Task SameIdSameContent_IsUnchanged_NewContent_ReplacesOldChunks()
    {
        var v1 = new { id = "artikel-1", title = "Drohnen", text = "Die Armee setzt Kampfdrohnen an der Front ein. Die Produktion wächst." };
        using var created = await Client.PostAsJsonAsync("/api/documents", v1, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = (await created.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal("created", first["status"]!.GetValue<string>());
        Assert.Equal("/api/documents/artikel-1", created.Headers.Location!.OriginalString);

        using var again = await Client.PostAsJsonAsync("/api/documents", v1, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("unchanged", (await again.Content.ReadFromJsonAsync<JsonNode>(Ct))!["status"]!.GetValue<string>());

        using var updated = await Client.PutAsJsonAsync("/api/documents/artikel-1", new { title = "Haushalt", text = "Der Bundestag streitet über die Schuldenbremse." }, Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var third = (await updated.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal("updated", third["status"]!.GetValue<string>());
        Assert.NotEqual(first["contentHash"]!.GetValue<string>(), third["contentHash"]!.GetValue<string>());

        var search = await Client.PostJsonAsync("/api/search", new { query = "Kampfdrohnen Front" }, Ct);
        Assert.Empty(search["results"]!.AsArray());
        var doc = await Client.GetJsonAsync("/api/documents/artikel-1", Ct);
        Assert.Equal("Der Bundestag streitet über die Schuldenbremse.", doc["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_RemovesTheDocumentFromSearchAndAnswers()
    {
        await Client.PostJsonAsync("/api/documents", new { id = "weg", title = "Gravehawk", text = "Großbritannien liefert der Ukraine 15 Systeme des Typs Gravehawk bis Jahresende." }, Ct);
        var before = await Client.PostJsonAsync("/api/ask", new { question = "Welche Systeme liefert Großbritannien der Ukraine?" }, Ct);
        Assert.Equal("answered", before["status"]!.GetValue<string>());

        using var deleted = await Client.DeleteAsync("/api/documents/weg", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var after = await Client.PostJsonAsync("/api/ask", new { question = "Welche Systeme liefert Großbritannien der Ukraine?" }, Ct);
        Assert.Equal("no_answer", after["status"]!.GetValue<string>());
        Assert.Empty((await Client.PostJsonAsync("/api/search", new { query = "Gravehawk" }, Ct))["results"]!.AsArray());
        using var gone = await Client.GetAsync("/api/documents/weg", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var again = await Client.DeleteAsync("/api/documents/weg", Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task RawSeedText_IsCleanedAndItsMetadataExtracted()
    {
        var raw = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seeds", "004_6131d308b1147b31.txt"), Ct);
        using var response = await Client.PostAsync("/api/documents", new StringContent(raw, Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;

        var doc = await Client.GetJsonAsync($"/api/documents/{body["id"]!.GetValue<string>()}", Ct);

        Assert.Equal("2025-07", doc["publishedAt"]!.GetValue<string>());
        Assert.Equal("dpa-AFX", doc["source"]!.GetValue<string>());
        var text = doc["text"]!.GetValue<string>();
        Assert.StartsWith("Die Ukraine und die USA verhandeln", text, StringComparison.Ordinal);
        Assert.EndsWith("Marschflugkörpern.", text, StringComparison.Ordinal);
        Assert.All(doc["chunks"]!.AsArray(), c => Assert.InRange(c!["span"]!["end"]!.GetValue<int>(), 1, text.Length));
    }

    [Fact]
    public async Task MultipartFile_IsIngestedWithItsFileNameAsId()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(" date 2024-03 Ein Artikel über die Energiewende. Windkraft wächst.")), "file", "energie-2024.txt");

        using var response = await Client.PostAsync("/api/documents", form, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal("energie-2024", body["id"]!.GetValue<string>());
        Assert.Equal("2024-03", body["publishedAt"]!.GetValue<string>());
    }

    /// <summary>Issue 33 item 1: two uploads whose file names differ only outside ASCII are two documents, each readable under its own name.</summary>
    [Fact]
    public async Task MultipartFilesNamedOutsideAscii_AreTwoDocuments()
    {
        var created = new List<string>();
        foreach (var (name, text) in new[] { ("東京.txt", "Tokio meldet einen Rekord bei den Touristenzahlen."), ("北京.txt", "Peking kündigt neue Regeln für den Handel an.") })
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name);
            using var response = await Client.PostAsync("/api/documents", form, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created.Add((await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["id"]!.GetValue<string>());
        }

        Assert.Equal(["東京", "北京"], created);
        var tokio = await Client.GetJsonAsync("/api/documents/" + Uri.EscapeDataString("東京"), Ct);
        Assert.Contains("Tokio", tokio["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Issue 33 item 1 across requests: an upload of another file whose name gives a stored file's id is a 409, and the stored document stays.</summary>
    [Fact]
    public async Task MultipartFileOfAnotherNameWithATakenId_Is409_AndTheSameFileUpdates()
    {
        async Task<HttpResponseMessage> UploadAsync(string name, string text)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name);
            return await Client.PostAsync("/api/documents", form, Ct);
        }

        using var first = await UploadAsync("kollision.txt", "Der Hafen von Hamburg meldet einen Rekord beim Umschlag.");
        using var other = await UploadAsync("kollision.md", "Die Bahn streikt am Montag in ganz Bayern.");
        using var again = await UploadAsync("kollision.txt", "Der Hafen von Hamburg meldet erneut einen Rekord.");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var problem = await ProblemAssert.IsProblemAsync(other, HttpStatusCode.Conflict, ProblemTypes.Conflict);
        Assert.Contains("kollision.txt", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = await Client.GetJsonAsync("/api/documents/kollision", Ct);
        Assert.Contains("erneut", stored["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_PagesWithCursorUntilTheEnd()
    {
        foreach (var id in new[] { "c", "a", "d", "b", "e" })
        {
            await Client.PostJsonAsync("/api/documents", new { id, title = id, text = $"Dokument {id} enthält einen Satz." }, Ct);
        }

        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Client.GetJsonAsync("/api/documents?limit=2" + (cursor is null ? string.Empty : "&cursor=" + cursor), Ct);
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(["a", "b", "c", "d", "e"], ids);
    }
}
