using NewsQA.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NewsQA.Api.Tests.Security;

/// <summary>
/// Without Auth:ApiKey a write must prove it is not cross-site: a page open in a local browser sends from
/// loopback too, and a simple (text/plain, multipart) cross-origin POST needs no CORS preflight.
/// With a key configured the key alone decides.
/// </summary>
public sealed class CrossSiteWriteTests : IAsyncDisposable
{
    private const string Id = "000_74f70624a5986356";
    private readonly NewsQaApplication app = new(new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static HttpRequestMessage Multipart(HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        var form = new MultipartFormDataContent("x")
        {
            { new StringContent(Id), "id" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Der Angreifer behauptet, die Erde sei eine Scheibe.")), "file", "a.txt" },
        };
        var request = new HttpRequestMessage(method, path) { Content = form };
        foreach (var (name, value) in headers)
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private async Task<string> StoredTextAsync(HttpClient client)
    {
        var response = await client.GetAsync($"/api/documents/{Id}", Ct);
        return response.StatusCode == HttpStatusCode.OK
            ? (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("text").GetString()!
            : string.Empty;
    }

    [Theory]
    [InlineData("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "https://evil.example", "X-Nothing", "1")]
    [InlineData("Sec-Fetch-Site", "cross-site", "X-Nothing", "1")]
    [InlineData("Sec-Fetch-Site", "same-site", "X-Nothing", "1")]
    [InlineData("Origin", "null", "X-Nothing", "1")]
    [InlineData("Origin", "http://localhost:3000", "Sec-Fetch-Site", "same-site")]
    [InlineData("Host", "evil.example", "X-Nothing", "1")]
    [InlineData("Host", "rebind.evil.example:5000", "X-Nothing", "1")]
    [InlineData("Host", "127.1", "X-Nothing", "1")]
    public async Task CrossSiteOrForeignHostWriteWithoutKeyIs403AndChangesNothing(string header1, string value1, string header2, string value2)
    {
        using var client = app.CreateClient();
        var original = await client.PostAsJsonAsync("/api/documents", new { id = Id, text = "Die Erde ist rund, sagen die Geografen." }, Ct);
        Assert.Equal(HttpStatusCode.Created, original.StatusCode);

        var post = await client.SendAsync(Multipart(HttpMethod.Post, "/api/documents", (header1, value1), (header2, value2)), Ct);
        var put = await client.SendAsync(Multipart(HttpMethod.Put, $"/api/documents/{Id}", (header1, value1), (header2, value2)), Ct);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/documents/{Id}");
        delete.Headers.TryAddWithoutValidation(header1, value1);
        if (header1 == "Host")
        {
            delete.Headers.Host = value1;
        }

        var deleted = await client.SendAsync(delete, Ct);

        await ProblemAssert.IsProblemAsync(post, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await ProblemAssert.IsProblemAsync(deleted, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Equal("Die Erde ist rund, sagen die Geografen.", await StoredTextAsync(client));
    }

    [Theory]
    [InlineData("X-Nothing", "1", "X-Nothing", "1")]
    [InlineData("Origin", "http://localhost", "Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none", "X-Nothing", "1")]
    [InlineData("Host", "127.0.0.1:5000", "X-Nothing", "1")]
    [InlineData("Host", "[::1]:5000", "X-Nothing", "1")]
    [InlineData("Host", "LOCALHOST", "X-Nothing", "1")]
    public async Task LocalToolOrSameOriginPageMayWriteWithoutKey(string header1, string value1, string header2, string value2)
    {
        using var client = app.CreateClient();

        var response = await client.SendAsync(Multipart(HttpMethod.Post, "/api/documents", (header1, value1), (header2, value2)), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("Scheibe", await StoredTextAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAKeyTheKeyDecidesWhateverTheOrigin()
    {
        await using var keyed = new NewsQaApplication(new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false", ["Auth:ApiKey"] = "geheim-und-lang" });
        using var client = keyed.CreateClient();

        var withoutKey = await client.SendAsync(Multipart(HttpMethod.Post, "/api/documents", ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site")), Ct);
        var withKey = Multipart(HttpMethod.Post, "/api/documents", ("Origin", "https://zeitung.example"), ("Sec-Fetch-Site", "cross-site"), ("Host", "api.zeitung.example"));
        withKey.Headers.Add("X-Api-Key", "geheim-und-lang");
        var accepted = await client.SendAsync(withKey, Ct);

        await ProblemAssert.IsProblemAsync(withoutKey, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task WrongKeyIs403EvenWhenReadsNeedTheKey()
    {
        await using var keyed = new NewsQaApplication(new Dictionary<string, string?>
        {
            ["Seeds:IngestOnEmpty"] = "false",
            ["Auth:ApiKey"] = "geheim-und-lang",
            ["Auth:RequireKeyForReads"] = "true",
        });
        using var client = keyed.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "falsch");

        var write = await client.PostAsJsonAsync("/api/documents", new { text = "Ein Satz." }, Ct);
        var read = await client.PostAsJsonAsync("/api/search", new { query = "Satz" }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(write, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Contains("does not match", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }
}
