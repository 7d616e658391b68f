using NewsQA.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NewsQA.Api.Tests.Security;

/// <summary>
/// Every error is problem+json whatever the request's Accept header says: the widget always sends
/// <c>text/event-stream</c>, and a 429 or 413 must not turn into an empty 500 for it.
/// </summary>
public sealed class ErrorsUnderAnyAcceptTests : IAsyncDisposable
{
    private readonly NewsQaApplication app = new(new Dictionary<string, string?>
    {
        ["Seeds:IngestOnEmpty"] = "false",
        ["Limits:MaxBodyBytes"] = "65536",
        ["RateLimit:Enabled"] = "true",
        ["RateLimit:PermitsPerMinute"] = "40",
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    public static TheoryData<string> Accepts => ["text/event-stream", "text/html", "image/png", "application/xml;q=0.9", "text/event-stream, */*;q=0.1"];

    private static HttpRequestMessage Post(string path, string body, string accept, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task MalformedJsonIs400ProblemWithBody(string accept)
    {
        using var client = app.CreateClient();
        var ask = await client.SendAsync(Post("/api/ask", """{"question": """, accept), Ct);
        var search = await client.SendAsync(Post("/api/search", "{nope}", accept), Ct);

        await ProblemAssert.IsProblemAsync(ask, HttpStatusCode.BadRequest, ProblemTypes.MalformedJson);
        await ProblemAssert.IsProblemAsync(search, HttpStatusCode.BadRequest, ProblemTypes.MalformedJson);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task OversizedBodyIs413Problem(string accept)
    {
        using var client = app.CreateClient();
        var response = await client.SendAsync(Post("/api/ask", JsonSerializer.Serialize(new { question = new string('a', 70_000) }), accept), Ct);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.TooLarge);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task ValidationProblemKeepsItsTraceId(string accept)
    {
        using var client = app.CreateClient();
        var response = await client.SendAsync(Post("/api/ask", """{"question":""}""", accept), Ct);
        var problem = await ProblemAssert.NamesFieldAsync(response, "question");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task UnknownRouteAndWrongMethodAreProblems(string accept)
    {
        using var client = app.CreateClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/nothing-here");
        get.Headers.TryAddWithoutValidation("Accept", accept);
        using var wrongMethod = new HttpRequestMessage(HttpMethod.Delete, "/api/search");
        wrongMethod.Headers.TryAddWithoutValidation("Accept", accept);

        await ProblemAssert.IsProblemAsync(await client.SendAsync(get, Ct), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(wrongMethod, Ct), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task RateLimitedStreamingClientGets429ProblemWithRetryAfterAndNoStackTraces()
    {
        var log = new NewsQA.Testing.Hosting.CapturedLog();
        await using var limited = new NewsQaApplication(
            new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false", ["RateLimit:Enabled"] = "true", ["RateLimit:PermitsPerMinute"] = "2" },
            services: log.Install);
        using var client = limited.CreateClient();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add(await client.SendAsync(Post("/api/ask", """{"question":"Wer?"}""", "text/event-stream"), Ct));
        }

        var rejected = statuses.Skip(2).ToList();
        Assert.All(rejected, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        await ProblemAssert.IsProblemAsync(rejected[^1], HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
        Assert.True(rejected[^1].Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.DoesNotContain(log.Entries, e => e.Exception is not null);
        Assert.True(log.Entries.Count(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning) < 5, string.Join('\n', log.Entries.Select(e => e.Message)));
    }

    [Theory]
    [InlineData("/api/search", """{"query":"Bahn"}""")]
    [InlineData("/api/ask", """{"question":"Wer?"}""")]
    [InlineData("/api/documents", """{"text":"Ein Satz."}""")]
    [InlineData("/api/documents", "Ein Satz.")]
    public async Task UnsupportedCharsetIs415Problem(string path, string body)
    {
        using var client = app.CreateClient();
        var contentType = body.StartsWith('{') ? "application/json; charset=bogus" : "text/plain; charset=bogus";
        var bogus = await client.SendAsync(Post(path, body, "application/json", contentType), Ct);
        var latin1 = await client.SendAsync(Post(path, body, "application/json", contentType.Replace("bogus", "iso-8859-1", StringComparison.Ordinal)), Ct);
        var utf8 = await client.SendAsync(Post(path, body, "application/json", contentType.Replace("bogus", "UTF-8", StringComparison.Ordinal)), Ct);

        await ProblemAssert.IsProblemAsync(bogus, HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);
        await ProblemAssert.IsProblemAsync(latin1, HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);
        Assert.True(utf8.IsSuccessStatusCode, $"{(int)utf8.StatusCode}");
    }

    [Theory]
    [InlineData("/api/search", """{"query":"Bahn"}""", "charset=\"utf-8\"")]
    [InlineData("/api/search", """{"query":"Bahn"}""", "charset=UTF8")]
    [InlineData("/api/ask", """{"question":"Wer streikt?"}""", "charset=\"UTF-8\"")]
    [InlineData("/api/ask", """{"question":"Wer streikt?"}""", "charset=utf8")]
    [InlineData("/api/documents", """{"text":"Ein Satz."}""", "charset=\"utf8\"")]
    public async Task EverySpellingOfUtf8_IsAccepted(string path, string body, string charset)
    {
        using var client = app.CreateClient();

        var response = await client.SendAsync(Post(path, body, "application/json", $"application/json; {charset}"), Ct);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Theory]
    [InlineData("/api/search", """{"query":"Bahn","top":"viele"}""", "top", "a whole number")]
    [InlineData("/api/search", """{"query":42}""", "query", "a string")]
    [InlineData("/api/search", """{"query":"Bahn","filter":{"sources":"dpa"}}""", "filter.sources", "an array")]
    [InlineData("/api/search", """{"query":"Bahn","filter":[1]}""", "filter", "an object")]
    [InlineData("/api/ask", """{"question":"Wer?","history":{"role":"user"}}""", "history", "an array")]
    public async Task WrongJsonTypeNamesTheFieldInPlainWords(string path, string json, string field, string expected)
    {
        using var client = app.CreateClient();
        var response = await client.SendAsync(Post(path, json, "application/json"), Ct);

        var problem = await ProblemAssert.NamesFieldAsync(response, field);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Contains(expected, message, StringComparison.Ordinal);
        AssertNoFrameworkText(problem.ToString());
    }

    [Theory]
    [InlineData("/api/search", "null")]
    [InlineData("/api/search", "")]
    [InlineData("/api/ask", "null")]
    [InlineData("/api/ask", "")]
    public async Task NullOrMissingBodyIsAPlainProblem(string path, string json)
    {
        using var client = app.CreateClient();
        var response = await client.SendAsync(Post(path, json, "application/json"), Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        AssertNoFrameworkText(problem.ToString());
    }

    [Fact]
    public async Task NonNumericLimitNamesLimitInPlainWords()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/documents?limit=abc", Ct);
        var problem = await ProblemAssert.NamesFieldAsync(response, "limit");
        AssertNoFrameworkText(problem.ToString());
    }

    private static void AssertNoFrameworkText(string body)
    {
        foreach (var leak in new[] { "NewsQA.", "System.", "Implicit body", "parameter \"", "LineNumber", "BytePosition", "converted to" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }
    }
}
