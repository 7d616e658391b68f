using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsQA.Api.Tests.Collections;

/// <summary>
/// Issue 35, as an attacker would probe it: every key (none, a wrong one, each scoped key, the admin key) against every
/// collection on every route, SSE and error paths included. A request that may read gets only its collection's
/// documents, hits, quotes and sources; one that may not is refused (401 without a key, 403 otherwise) with a body that
/// names no document; and a document of another collection answers exactly as a missing one does.
/// </summary>
public sealed class CollectionIsolationTests(CollectionWorld world) : IClassFixture<CollectionWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string?, string> Matrix()
    {
        var data = new TheoryData<string?, string>();
        foreach (var key in CollectionWorld.Keys)
        {
            foreach (var collection in CollectionWorld.Collections)
            {
                data.Add(key, collection);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task DocumentList_IsTheCollectionsOwnOrRefused(string? key, string collection)
    {
        using var client = world.Client(key);
        using var response = await client.GetAsync($"/api/documents?collection={collection}", Ct);

        if (await RefusedAsync(key, collection, response))
        {
            return;
        }

        var items = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["items"]!.AsArray();
        Assert.All(items, i => Assert.Equal(collection, i!["collection"]!.GetValue<string>()));
        Assert.Equal(world.Ids[collection].Order(), items.Select(i => i!["id"]!.GetValue<string>()).Order());
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task DocumentGet_OfAnotherCollection_IsTheSame404AsAMissingOne(string? key, string collection)
    {
        using var client = world.Client(key);
        var missing = await ProblemOfAsync(client, "never-stored", collection);
        foreach (var id in world.Ids.Values.SelectMany(i => i).Distinct())
        {
            using var response = await client.GetAsync($"/api/documents/{id}?collection={collection}", Ct);
            if (await RefusedAsync(key, collection, response))
            {
                continue;
            }

            if (world.Ids[collection].Contains(id))
            {
                var document = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
                Assert.Equal(world.Texts[(collection, id)], document["text"]!.GetValue<string>());
                Assert.Equal(collection, document["collection"]!.GetValue<string>());
                continue;
            }

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(missing!.Replace("never-stored", id, StringComparison.Ordinal), WithoutTrace(body));
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Search_HitsOnlyTheCollection(string? key, string collection)
    {
        using var client = world.Client(key);
        using var response = await client.PostAsJsonAsync("/api/search", new { query = CollectionWorld.Query, top = 50, collection }, Ct);

        if (await RefusedAsync(key, collection, response))
        {
            return;
        }

        var results = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["results"]!.AsArray();
        Assert.NotEmpty(results);
        Assert.All(results, hit =>
        {
            var id = hit!["documentId"]!.GetValue<string>();
            Assert.Equal(collection, hit["collection"]!.GetValue<string>());
            Assert.Contains(id, world.Ids[collection]);
            Assert.Contains(hit["text"]!.GetValue<string>(), world.Texts[(collection, id)], StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Ask_CitesOnlyTheCollection(string? key, string collection)
    {
        using var client = world.Client(key);
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "Wie entwickelt sich die Produktion von Raketen in der Ukraine?", collection }, Ct);

        if (await RefusedAsync(key, collection, response))
        {
            return;
        }

        var answer = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal(collection, answer["collection"]!.GetValue<string>());
        AssertOwnCitations(collection, answer["citations"]!.AsArray(), answer["sources"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task AskStream_SendsOnlyTheCollection(string? key, string collection)
    {
        using var client = world.Client(key);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = "Wie entwickelt sich die Produktion von Raketen in der Ukraine?", collection }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, Ct);

        if (await RefusedAsync(key, collection, response))
        {
            return;
        }

        var events = ServerSentEvents(await response.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain(events, e => e.Name == "error");
        var meta = events.Single(e => e.Name == "meta").Data;
        var done = events.Single(e => e.Name == "done").Data;
        Assert.Equal(collection, meta["collection"]!.GetValue<string>());
        Assert.Equal(collection, done["collection"]!.GetValue<string>());
        AssertOwnCitations(collection, new JsonArray([.. events.Where(e => e.Name == "citation").Select(e => e.Data.DeepClone())]), meta["sources"]!.AsArray());
        AssertOwnCitations(collection, done["citations"]!.AsArray(), done["sources"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Writes_NeedTheRightToWriteTheCollection(string? key, string collection)
    {
        using var client = world.Client(key);
        var id = $"probe-{(key ?? "none")[..4]}-{collection}";
        using var created = await client.PutAsJsonAsync($"/api/documents/{id}", new { text = "Eine Probe der Rechte. Sie wird gleich gelöscht.", collection }, Ct);
        using var deleteMissing = await client.DeleteAsync($"/api/documents/never-stored?collection={collection}", Ct);

        if (!CollectionWorld.MayWrite(key, collection))
        {
            await AssertRefusedAsync(key, created);
            await AssertRefusedAsync(key, deleteMissing);
            return;
        }

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(collection, (await created.Content.ReadFromJsonAsync<JsonNode>(Ct))!["collection"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, deleteMissing.StatusCode);

        // The write landed in its collection only, and goes again.
        using var admin = world.Client(CollectionWorld.AdminKey);
        foreach (var other in CollectionWorld.Collections.Where(c => c != collection))
        {
            using var elsewhere = await admin.GetAsync($"/api/documents/{id}?collection={other}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        }

        using var deleted = await client.DeleteAsync($"/api/documents/{id}?collection={collection}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task CollectionList_AndReadiness_CountOnlyReadableCollections(string? key)
    {
        using var client = world.Client(key);
        var readable = CollectionWorld.Collections.Where(c => CollectionWorld.MayRead(key, c)).Order(StringComparer.Ordinal).ToList();

        var list = await client.GetJsonAsync("/api/collections", Ct);
        var ready = await client.GetJsonAsync("/health/ready", Ct);

        Assert.Equal(readable, list["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal(world.Ids[i!["name"]!.GetValue<string>()].Count, i["documents"]!.GetValue<long>()));
        var counts = ready["store"]!["collections"]!.AsObject();
        Assert.Equal(readable, counts.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(readable.Sum(c => world.Ids[c].Count), ready["store"]!["documents"]!.GetValue<long>());
    }

    public static TheoryData<string?> Keys() => [.. CollectionWorld.Keys.Where(k => k != CollectionWorld.WrongKey)];

    [Fact]
    public async Task Cursor_OfOneCollection_IsNoCursorOfAnother()
    {
        using var admin = world.Client(CollectionWorld.AdminKey);
        var page = await admin.GetJsonAsync($"/api/documents?collection={CollectionWorld.Desk}&limit=1", Ct);
        var cursor = page["nextCursor"]!.GetValue<string>();

        using var own = await admin.GetAsync($"/api/documents?collection={CollectionWorld.Desk}&cursor={cursor}", Ct);
        using var other = await admin.GetAsync($"/api/documents?collection={CollectionWorld.Agency}&cursor={cursor}", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await ProblemAssert.NamesFieldAsync(other, "cursor");
    }

    [Theory]
    [InlineData("/api/documents?collection=a%2Fb")]
    [InlineData("/api/documents/x?collection=..")]
    [InlineData("/api/documents/desk%2Fdesk-only")]
    public async Task CollectionNamesOutsideTheIdRule_AreRefused(string path)
    {
        using var admin = world.Client(CollectionWorld.AdminKey);
        using var response = await admin.GetAsync(path, Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        Assert.DoesNotContain("Redaktion", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private void AssertOwnCitations(string collection, JsonArray citations, JsonArray sources)
    {
        Assert.All(citations, c =>
        {
            var id = c!["documentId"]!.GetValue<string>();
            Assert.Contains(id, world.Ids[collection]);
            Assert.Contains(c["quote"]!.GetValue<string>(), world.Texts[(collection, id)], StringComparison.Ordinal);
        });
        Assert.All(sources, s => Assert.Contains(s!["documentId"]!.GetValue<string>(), world.Ids[collection]));
    }

    /// <summary>True when the request was refused, as it must be exactly when the key may not read the collection.</summary>
    private async Task<bool> RefusedAsync(string? key, string collection, HttpResponseMessage response)
    {
        if (CollectionWorld.MayRead(key, collection))
        {
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound, $"{key} reading {collection}: {(int)response.StatusCode}");
            return false;
        }

        await AssertRefusedAsync(key, response);
        return true;
    }

    private async Task AssertRefusedAsync(string? key, HttpResponseMessage response)
    {
        Assert.Equal(key is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        foreach (var (id, text) in world.Texts.Select(t => (t.Key.Id, t.Value)))
        {
            Assert.DoesNotContain(id, body, StringComparison.Ordinal);
            Assert.DoesNotContain(text[..20], body, StringComparison.Ordinal);
        }
    }

    private static async Task<string?> ProblemOfAsync(HttpClient client, string id, string collection)
    {
        using var response = await client.GetAsync($"/api/documents/{id}?collection={collection}", Ct);
        return response.StatusCode == HttpStatusCode.NotFound ? WithoutTrace(await response.Content.ReadAsStringAsync(Ct)) : null;
    }

    /// <summary>A problem body without its per-request trace id, the one part two 404s may differ in.</summary>
    private static string WithoutTrace(string body)
    {
        var problem = JsonNode.Parse(body)!.AsObject();
        problem.Remove("traceId");
        return problem.ToJsonString();
    }

    private static List<(string Name, JsonNode Data)> ServerSentEvents(string stream)
    {
        var events = new List<(string, JsonNode)>();
        foreach (var block in stream.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n');
            var name = lines.FirstOrDefault(l => l.StartsWith("event:", StringComparison.Ordinal))?[6..].Trim() ?? "message";
            var data = new StringBuilder();
            foreach (var line in lines.Where(l => l.StartsWith("data:", StringComparison.Ordinal)))
            {
                data.Append(line[5..].TrimStart());
            }

            events.Add((name, JsonNode.Parse(data.ToString())!));
        }

        return events;
    }
}
