using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NewsQA.Api.Tests.Search;

public sealed class SearchApiTests : ApiTest
{
    [Fact]
    public async Task Hits_AreExactSpansOfTheirDocuments()
    {
        var response = await Client.PostJsonAsync("/api/search", new { query = "Drohnen Waffenproduktion", top = 10 }, Ct);

        var results = response["results"]!.AsArray();
        Assert.NotEmpty(results);
        Assert.Equal("lexical", response["mode"]!.GetValue<string>());
        foreach (var hit in results)
        {
            var doc = await Client.GetJsonAsync($"/api/documents/{hit!["documentId"]!.GetValue<string>()}", Ct);
            Assert.Equal(hit["text"]!.GetValue<string>(), ApiJson.Slice(doc["text"]!.GetValue<string>(), hit["span"]!));
            Assert.NotNull(hit["scores"]!["lexical"]);
        }

        var scores = results.Select(r => r!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task DateFilter_RespectsMonthAndDayPrecision()
    {
        // Seeds: 000 and 004 are dated 2025-07 (month), 001 2025-06 (month), 003 2024-04-30 (day), 002 undated.
        async Task<string[]> Docs(object filter)
        {
            var r = await Client.PostJsonAsync("/api/search", new { query = "Ukraine Russland Iran", top = 50, filter }, Ct);
            return r["results"]!.AsArray().Select(h => h!["documentId"]!.GetValue<string>()[..3]).Distinct().Order().ToArray();
        }

        Assert.Equal(["000", "004"], await Docs(new { publishedFrom = "2025-07-20" }));
        Assert.Equal(["001"], await Docs(new { publishedFrom = "2025-06-15", publishedTo = "2025-06-30" }));
        Assert.Equal(["003"], await Docs(new { publishedFrom = "2024", publishedTo = "2024-12" }));
        Assert.Equal(["000", "001", "003", "004"], await Docs(new { publishedTo = "2025-07" }));
        Assert.Equal(["004"], await Docs(new { sources = new[] { "DPA-AFX" } }));
        Assert.Equal(["001", "002"], await Docs(new { documentIds = new[] { "001_23aad25e3376c29a", "002_c3aff394776cafa8" } }));
    }

    [Fact]
    public async Task DenseModeWithoutModel_Is503NamingTheEmbedder()
    {
        using var response = await Client.PostAsJsonAsync("/api/search", new { query = "Drohnen", mode = "dense" }, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Contains("embedding model", problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"query":"Drohnen","top":0}""", "top")]
    [InlineData("""{"query":"Drohnen","top":51}""", "top")]
    [InlineData("""{"query":"Drohnen","mode":"fuzzy"}""", "mode")]
    [InlineData("""{"query":""}""", "query")]
    [InlineData("""{"query":"Drohnen","group":"outlet"}""", "group")]
    [InlineData("""{"query":"Drohnen","sort":"newest"}""", "sort")]
    [InlineData("""{"query":"Drohnen","filter":{"publishedFrom":"2025-13"}}""", "filter.publishedFrom")]
    [InlineData("""{"query":"Drohnen","filter":{"publishedFrom":"2025-08","publishedTo":"2025-07"}}""", "filter.publishedFrom")]
    public async Task InvalidRequest_Is400NamingTheField(string body, string field)
    {
        using var response = await Client.PostAsync("/api/search", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task Health_ReportsLexicalOnlyWithoutModel()
    {
        var ready = await Client.GetJsonAsync("/health/ready", Ct);

        Assert.Equal("ready", ready["status"]!.GetValue<string>());
        Assert.Equal("lexical", ready["searchMode"]!.GetValue<string>());
        Assert.Contains("lexical-only", ready["embeddings"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, ready["store"]!["documents"]!.GetValue<long>());
    }

    [Fact]
    public async Task OpenApi_DescribesEveryContractRoute()
    {
        var doc = await Client.GetJsonAsync("/openapi/v1.json", Ct);
        var paths = doc["paths"]!.AsObject();

        foreach (var path in new[] { "/api/documents", "/api/documents/{id}", "/api/search", "/api/ask", "/health/live", "/health/ready" })
        {
            Assert.True(paths.ContainsKey(path), $"OpenAPI lacks {path}");
        }

        using var page = await Client.GetAsync("/scalar/v1", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
