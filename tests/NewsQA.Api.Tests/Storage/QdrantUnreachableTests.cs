using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace NewsQA.Api.Tests.Storage;

/// <summary>With Store:Provider=Qdrant and nothing listening at its URL, the API says so: 503s naming Qdrant, never a 500.</summary>
public sealed class QdrantUnreachableTests() : ApiTest(new Dictionary<string, string?>
    {
    ["Store:Provider"] = "Qdrant",
    ["Store:Qdrant:Url"] = $"http://127.0.0.1:{ClosedPort()}",
    ["Store:Qdrant:AttemptTimeout"] = "00:00:01",
    ["Store:Qdrant:TotalTimeout"] = "00:00:03",
    ["Store:Qdrant:MaxRetries"] = "1",
    ["Store:Qdrant:RetryDelay"] = "00:00:00.050",
})
{
    /// <summary>A port that was free a moment ago: connecting to it is refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Readiness_Is503NamingQdrant()
    {
        using var response = await Client.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Contains("Qdrant", body["failing"]!.AsArray().Select(f => f!.GetValue<string>()));
        // The sentence a reader sees: the product name without an article, nothing about where it was sought.
        Assert.Equal("Qdrant cannot be reached or opened; the service log says why.", body["store"]!["message"]!.GetValue<string>());
        using var live = await Client.GetAsync("/health/live", Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory]
    [InlineData("/api/search", """{"query":"Drohnen"}""")]
    [InlineData("/api/ask", """{"question":"Wer liefert Drohnen?"}""")]
    [InlineData("/api/documents", """{"id":"x","text":"Ein Satz über Drohnen."}""")]
    public async Task Requests_Get503ProblemNamingQdrant(string path, string body)
    {
        using var response = await Client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Contains("Qdrant", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        // The log gets the operation and gRPC status; the client gets no address, port or transport detail.
        var detail = problem["detail"]!.GetValue<string>();
        Assert.DoesNotContain("127.0.0.1", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("gRPC", detail, StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
