using NewsQA.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsQA.Api.Tests.Security;

/// <summary>Metadata fields are bounded and links are http(s) only; one id is created exactly once however many race.</summary>
public sealed class DocumentFieldTests() : ApiTest(new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false" })
{
    [Theory]
    [InlineData("title", 501)]
    [InlineData("source", 201)]
    [InlineData("url", 2049)]
    public async Task OverlongFieldIs400NamingIt(string field, int length)
    {
        var value = field == "url" ? "https://zeitung.example/" + new string('a', length) : new string('a', length);
        var body = new Dictionary<string, string> { ["text"] = "Die Bahn streikt am Montag.", [field] = value };

        var response = await Client.PostAsJsonAsync("/api/documents", body, Ct);

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox")]
    [InlineData("file:///etc/passwd")]
    [InlineData("zeitung.example/artikel")]
    [InlineData("nur Text")]
    [InlineData("//zeitung.example/artikel")]
    public async Task NonHttpUrlIs400NamingUrl(string url)
    {
        var response = await Client.PostAsJsonAsync("/api/documents", new { text = "Die Bahn streikt am Montag.", url }, Ct);
        await ProblemAssert.NamesFieldAsync(response, "url");
    }

    [Fact]
    public async Task HttpsUrlIsKeptAndReturned()
    {
        var created = await Client.PostAsJsonAsync("/api/documents", new { id = "bahn", text = "Die Bahn streikt am Montag.", url = "https://zeitung.example/bahn" }, Ct);
        var document = await Client.GetFromJsonAsync<JsonElement>("/api/documents/bahn", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("https://zeitung.example/bahn", document.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("bahn%0A")]
    [InlineData("bahn%0D%0A")]
    public async Task IdWithATrailingLineBreakIs400NamingId(string id)
    {
        var response = await Client.PutAsJsonAsync($"/api/documents/{id}", new { text = "Die Bahn streikt am Montag." }, Ct);

        await ProblemAssert.NamesFieldAsync(response, "id");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/documents/bahn", Ct)).StatusCode);
    }

    [Fact]
    public async Task TenConcurrentPutsOfANewIdCreateExactlyOnce()
    {
        var puts = Enumerable.Range(0, 10).Select(_ => Client.PutAsJsonAsync("/api/documents/neu", new { text = "Die Bahn streikt am Montag in ganz Bayern." }, Ct));

        var statuses = (await Task.WhenAll(puts)).Select(r => r.StatusCode).ToList();

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.OK));
    }

    /// <summary>
    /// Over a real socket: the in-memory test server sets the request's host from the request URI, so only Kestrel
    /// shows for certain what ASP.NET Core's OpenAPI does with the Host header a client sends.
    /// </summary>
    [Fact]
    public async Task OpenApiHasNoServersEchoingTheHost()
    {
        await using var app = new NewsQaApplication(new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false" });
        using var client = new HttpClient { BaseAddress = new Uri(app.StartOnLoopback()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request, Ct);
        var document = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", document, StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(document).RootElement.TryGetProperty("servers", out var servers) && servers.GetArrayLength() > 0, "the document lists servers");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/widget.js")]
    public async Task PageAndWidgetCarryNosniffAndAContentSecurityPolicy(string path)
    {
        var response = await Client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}

/// <summary>With Auth:RequireKeyForReads the API description is a read like any other.</summary>
public sealed class ProtectedReferenceTests() : ApiTest(new Dictionary<string, string?>
{
    ["Seeds:IngestOnEmpty"] = "false",
    ["Auth:ApiKey"] = "geheim-und-lang",
    ["Auth:RequireKeyForReads"] = "true",
})
{
    [Fact]
    public async Task OpenApiAndReferenceNeedTheKey()
    {
        var openApi = await Client.GetAsync("/openapi/v1.json", Ct);
        var reference = await Client.GetAsync("/scalar/v1", Ct);
        using var keyed = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json") { Headers = { { "X-Api-Key", "geheim-und-lang" } } };
        var withKey = await Client.SendAsync(keyed, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, openApi.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reference.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }
}
