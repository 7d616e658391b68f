using NewsQA.Testing.Fakes;
using NewsQA.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Search.Embedding;

namespace NewsQA.Api.Tests.Reliability;

/// <summary>A failing store or embedder is a 503 naming the part, and the service recovers without a restart.</summary>
public sealed class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StoreOutageIs503AndReadinessNamesItThenRecovers()
    {
        await using var app = new NewsQaApplication(services: FlakyStore.Register);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
        var store = app.Services.GetRequiredService<FlakyStore>();

        store.Down = true;
        var ready = await client.GetAsync("/health/ready", Ct);
        var search = await client.PostAsJsonAsync("/api/search", new { query = "Ukraine" }, Ct);
        var ask = await client.PostAsJsonAsync("/api/ask", new { question = "Was passierte in der Ukraine?" }, Ct);
        var ingest = await client.PostAsJsonAsync("/api/documents", new { text = "Die Bahn streikt am Montag." }, Ct);
        var list = await client.GetAsync("/api/documents", Ct);
        var live = await client.GetAsync("/health/live", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var readyBody = await ready.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("embedded store", readyBody.GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
        foreach (var response in new[] { search, ask, ingest, list })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, ProblemTypes.StoreUnavailable);
            Assert.Contains("store", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.True(response.Headers.RetryAfter is not null, "503 without Retry-After");
        }

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        store.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/search", new { query = "Ukraine" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task StreamedAskReportsStoreOutageAsErrorEvent()
    {
        await using var app = new NewsQaApplication(services: FlakyStore.Register);
        using var client = app.CreateClient();
        await client.GetAsync("/health/ready", Ct);
        app.Services.GetRequiredService<FlakyStore>().Down = true;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = "Wer?" }) };
        request.Headers.Accept.ParseAdd("text/event-stream");

        var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains("event: error", body, StringComparison.Ordinal);
        Assert.Contains(ProblemTypes.StoreUnavailable, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedderFailureDegradesHybridToLexicalAndFailsDenseWith503()
    {
        var embedder = new FakeEmbedder();
        await using var app = new NewsQaApplication(
            new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false" },
            s => s.AddSingleton(new QueryAndPassageEmbedder(embedder, new EmbeddingProfile("test-chars", FakeEmbedder.Dimensions))));
        using var client = app.CreateClient();
        var created = await client.PostAsJsonAsync("/api/documents", new { id = "bahn", text = "Die Bahn streikt am Montag in ganz Bayern." }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        embedder.Failing = true;
        var hybrid = await client.PostAsJsonAsync("/api/search", new { query = "Bahn Bayern", mode = "hybrid" }, Ct);
        var dense = await client.PostAsJsonAsync("/api/search", new { query = "Bahn Bayern", mode = "dense" }, Ct);
        var ingest = await client.PostAsJsonAsync("/api/documents", new { id = "neu", text = "Der Streik ist beendet." }, Ct);

        Assert.Equal(HttpStatusCode.OK, hybrid.StatusCode);
        var body = await hybrid.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("lexical", body.GetProperty("mode").GetString());
        Assert.Equal("bahn", body.GetProperty("results")[0].GetProperty("documentId").GetString());
        await ProblemAssert.IsProblemAsync(dense, HttpStatusCode.ServiceUnavailable, ProblemTypes.EmbedderUnavailable);
        await ProblemAssert.IsProblemAsync(ingest, HttpStatusCode.ServiceUnavailable, ProblemTypes.EmbedderUnavailable);

        embedder.Failing = false;
        var recovered = await client.PostAsJsonAsync("/api/search", new { query = "Bahn Bayern", mode = "dense" }, Ct);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }
}
