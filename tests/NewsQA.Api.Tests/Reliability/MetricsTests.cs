using NewsQA.Testing;
using System.Net.Http.Json;

namespace NewsQA.Api.Tests.Reliability;

public sealed class MetricsTests
{
    [Fact]
    public async Task MetricsArePrometheusTextWithRequestAndIngestCounts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new NewsQaApplication(new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false" });
        using var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/documents", new { id = "bahn", text = "Die Bahn streikt am Montag." }, ct);
        await client.PostAsJsonAsync("/api/search", new { query = "Bahn" }, ct);

        var response = await client.GetAsync("/metrics", ct);
        var text = await response.Content.ReadAsStringAsync(ct);

        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("newsqa_ingest_documents_total{", text, StringComparison.Ordinal);
        Assert.Contains("status=\"created\"", text, StringComparison.Ordinal);
        Assert.Contains("newsqa_search_duration_milliseconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
    }
}
