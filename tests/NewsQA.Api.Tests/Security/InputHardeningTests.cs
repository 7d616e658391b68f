using NewsQA.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NewsQA.Api.Tests.Security;

/// <summary>Every client mistake is a 4xx problem+json that says what was wrong — never a 500.</summary>
public sealed class InputHardeningTests : IAsyncDisposable
{
    private readonly NewsQaApplication app = new(new Dictionary<string, string?>
    {
        ["Seeds:IngestOnEmpty"] = "false",
        ["Limits:MaxBodyBytes"] = "65536",
        ["Limits:MaxQueryChars"] = "200",
    });

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Theory]
    [InlineData("/api/documents", "application/json")]
    [InlineData("/api/documents", "text/plain")]
    [InlineData("/api/search", "application/json")]
    [InlineData("/api/ask", "application/json")]
    public async Task OversizedBodyIs413Problem(string path, string contentType)
    {
        using var client = app.CreateClient();
        var text = new string('a', 70_000);
        var body = contentType == "application/json" ? JsonSerializer.Serialize(new { text, query = text, question = text }) : text;

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.TooLarge);
    }

    [Fact]
    public async Task OversizedMultipartUploadIs413Problem()
    {
        using var client = app.CreateClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[70_000]), "file", "big.txt" } };

        var response = await client.PostAsync("/api/documents", form, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.TooLarge);
    }

    [Fact]
    public async Task TooLongQueryNamesQuery()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/search", new { query = new string('x', 201) }, Ct);
        await ProblemAssert.NamesFieldAsync(response, "query");
    }

    [Fact]
    public async Task TooLongQuestionNamesQuestion()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/ask", new { question = new string('x', 201) }, Ct);
        await ProblemAssert.NamesFieldAsync(response, "question");
    }

    [Theory]
    [InlineData("""{"query":""}""", "query")]
    [InlineData("""{"query":"   "}""", "query")]
    [InlineData("""{"query":"Bahn","top":0}""", "top")]
    [InlineData("""{"query":"Bahn","top":51}""", "top")]
    [InlineData("""{"query":"Bahn","top":-5}""", "top")]
    [InlineData("""{"query":"Bahn","mode":"semantic"}""", "mode")]
    [InlineData("""{"query":"Bahn","mode":"1"}""", "mode")]
    [InlineData("""{"query":"Bahn","filter":{"publishedFrom":"2024-13"}}""", "filter.publishedFrom")]
    [InlineData("""{"query":"Bahn","filter":{"publishedTo":"gestern"}}""", "filter.publishedTo")]
    [InlineData("""{"query":"Bahn","filter":{"publishedFrom":"2025","publishedTo":"2024"}}""", "filter.publishedFrom")]
    [InlineData("""{"query":"Bahn","filter":{"documentIds":[""]}}""", "filter.documentIds")]
    [InlineData("""{"query":"Bahn","filter":{"sources":[" "]}}""", "filter.sources")]
    public async Task InvalidSearchNamesTheField(string json, string field)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsync("/api/search", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("""{"question":"Wer?","history":[{"role":"system","content":"x"}]}""", "history[0].role")]
    [InlineData("""{"question":"Wer?","history":[{"role":"user","content":""}]}""", "history[0].content")]
    [InlineData("""{"question":"Wer?","top":100}""", "top")]
    [InlineData("""{"question":"Wer?","filter":{"publishedFrom":"2024-02-30"}}""", "filter.publishedFrom")]
    public async Task InvalidAskNamesTheField(string json, string field)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsync("/api/ask", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("/api/search", """{"query":""")]
    [InlineData("/api/search", """{"query":5}""")]
    [InlineData("/api/search", """[1,2,3]""")]
    [InlineData("/api/search", "")]
    [InlineData("/api/search", "null")]
    [InlineData("/api/ask", """{"question":"Wer""")]
    [InlineData("/api/ask", """{"question":"Wer?","top":"viele"}""")]
    [InlineData("/api/documents", """{"text":"Hallo""")]
    [InlineData("/api/documents", """{"text":["a"]}""")]
    [InlineData("/api/documents", "null")]
    public async Task MalformedJsonIs400Problem(string path, string json)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/search", "application/xml")]
    [InlineData("/api/search", "text/plain")]
    [InlineData("/api/ask", "application/x-www-form-urlencoded")]
    [InlineData("/api/documents", "application/xml")]
    [InlineData("/api/documents", "image/png")]
    public async Task WrongContentTypeIs415Problem(string path, string contentType)
    {
        using var client = app.CreateClient();
        var content = new ByteArrayContent("<query>Bahn</query>"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        var response = await client.PostAsync(path, content, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(new byte[] { 0x48, 0x61, 0x6C, 0x6C, 0xC3, 0x28, 0x20, 0x57, 0x65, 0x6C, 0x74 })] // invalid UTF-8 sequence
    [InlineData(new byte[] { 0x48, 0x61, 0x6C, 0x6C, 0xE4, 0x20, 0x57, 0x65, 0x6C, 0x74 })] // Latin-1 'ä'
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 })] // PNG header
    [InlineData(new byte[] { 0x48, 0x00, 0x61, 0x00 })] // UTF-16 without BOM
    public async Task NonUtf8OrBinaryUploadIs400NotText(byte[] bytes)
    {
        using var client = app.CreateClient();
        var text = new ByteArrayContent(bytes);
        text.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "a.txt" } };

        var plain = await client.PostAsync("/api/documents", text, Ct);
        var multipart = await client.PostAsync("/api/documents", form, Ct);

        await ProblemAssert.IsProblemAsync(plain, HttpStatusCode.BadRequest, ProblemTypes.NotText);
        await ProblemAssert.IsProblemAsync(multipart, HttpStatusCode.BadRequest, ProblemTypes.NotText);
    }

    [Fact]
    public async Task EmptyOrBoilerplateOnlyDocumentIs400()
    {
        using var client = app.CreateClient();

        var empty = await client.PostAsJsonAsync("/api/documents", new { text = "   " }, Ct);
        var chrome = await client.PostAsJsonAsync("/api/documents", new { text = "Home » Politik\nTeilen\n" }, Ct);
        var emptyForm = await client.PostAsync("/api/documents", new MultipartFormDataContent { { new StringContent("x"), "id" } }, Ct);

        await ProblemAssert.NamesFieldAsync(empty, "text");
        await ProblemAssert.IsProblemAsync(chrome, HttpStatusCode.BadRequest);
        await ProblemAssert.NamesFieldAsync(emptyForm, "file");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("../etc/passwd")]
    public async Task InvalidIdIs400NamingId(string id)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/documents", new { id, text = "Die Bahn streikt am Montag." }, Ct);
        await ProblemAssert.NamesFieldAsync(response, "id");
    }

    [Fact]
    public async Task PutWithDifferentBodyIdNamesId()
    {
        using var client = app.CreateClient();
        var response = await client.PutAsJsonAsync("/api/documents/a", new { id = "b", text = "Die Bahn streikt am Montag." }, Ct);
        await ProblemAssert.NamesFieldAsync(response, "id");
    }

    [Fact]
    public async Task UnknownIdsAre404Problems()
    {
        using var client = app.CreateClient();

        var get = await client.GetAsync("/api/documents/gibt-es-nicht", Ct);
        var delete = await client.DeleteAsync("/api/documents/gibt-es-nicht", Ct);
        var route = await client.GetAsync("/api/nirgendwo", Ct);

        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await ProblemAssert.IsProblemAsync(route, HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Theory]
    [InlineData("/api/documents?limit=0", "limit")]
    [InlineData("/api/documents?limit=1001", "limit")]
    [InlineData("/api/documents?cursor=%%%", "cursor")]
    public async Task InvalidListingNamesTheParameter(string url, string field)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(url, Ct);
        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task NonNumericLimitIs400Problem()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/documents?limit=viele", Ct);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DuplicateIdIsAnUpdateNotACopy()
    {
        using var client = app.CreateClient();
        var first = await client.PostAsJsonAsync("/api/documents", new { id = "bahn", text = "Die Bahn streikt am Montag in ganz Bayern." }, Ct);
        var same = await client.PostAsJsonAsync("/api/documents", new { id = "bahn", text = "Die Bahn streikt am Montag in ganz Bayern." }, Ct);
        var changed = await client.PostAsJsonAsync("/api/documents", new { id = "bahn", text = "Der Streik der Lokführer ist beendet." }, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("unchanged", (await same.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal("updated", (await changed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/documents", Ct);
        Assert.Equal(1, list.GetProperty("items").GetArrayLength());
        var search = await client.PostAsJsonAsync("/api/search", new { query = "Bayern" }, Ct);
        Assert.Equal(0, (await search.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task RandomBodiesNeverCause500()
    {
        using var client = app.CreateClient();
        var random = new Random(4711);
        string[] paths = ["/api/search", "/api/ask", "/api/documents"];
        string[] types = ["application/json", "text/plain", "application/octet-stream", "multipart/form-data; boundary=x"];
        string[] fragments = ["{", "}", "[", "]", "\"query\"", "\"question\"", "\"text\"", "\"filter\"", ":", ",", "null", "1e999", "-1", "\"\\ud800\"", "\"ä\"", "true", "\"top\"", "\"history\"", "{\"role\":\"user\"}", "--x\r\n"];
        for (var i = 0; i < 150; i++)
        {
            var body = new StringBuilder();
            for (var n = random.Next(0, 12); n > 0; n--)
            {
                body.Append(fragments[random.Next(fragments.Length)]);
            }

            var content = new ByteArrayContent(i % 5 == 0 ? RandomBytes(random) : Encoding.UTF8.GetBytes(body.ToString()));
            content.Headers.TryAddWithoutValidation("Content-Type", types[random.Next(types.Length)]);

            var response = await client.PostAsync(paths[i % paths.Length], content, Ct);

            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{paths[i % paths.Length]} answered {status} to {body}");
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 300)];
        random.NextBytes(bytes);
        return bytes;
    }
}
