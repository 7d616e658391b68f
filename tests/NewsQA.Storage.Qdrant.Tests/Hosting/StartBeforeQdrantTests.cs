using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsQA.Storage.Qdrant.Tests.Fake;
using NewsQA.Testing;

namespace NewsQA.Storage.Qdrant.Tests.Hosting;

/// <summary>
/// Compose starts Qdrant and the API at once, so the API may come first (issue 15, item 7): it starts anyway, says
/// in readiness that Qdrant is failing (without the address it tried), and once the fake answers on that address
/// it creates the collections and ingests the seeds in the background (Hosting/Startup/StoreStartupRetry).
/// </summary>
public sealed class StartBeforeQdrantTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiStartedBeforeQdrant_Is503NamingQdrant_ThenCreatesCollectionsAndIngestsTheSeeds()
    {
        // Started once to own a port, then stopped: the API meets a refused connection at that address.
        await using var qdrant = await FakeQdrantServer.StartNewAsync();
        var url = qdrant.Url;
        await qdrant.StopAsync();
        var prefix = QdrantTestStores.UniquePrefix();
        await using var app = new NewsQaApplication(ApiOnQdrant(url, prefix));
        using var client = app.CreateClient();

        using (var before = await client.GetAsync("/health/ready", Ct))
        {
            var text = await before.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            var body = JsonNode.Parse(text)!;
            Assert.Contains("Qdrant", body["failing"]!.AsArray().Select(f => f!.GetValue<string>()));
            AssertNoInternals(text, url);
        }

        Assert.Empty(qdrant.CollectionNames);
        await qdrant.StartAsync();

        // The background retry waits 1 s, then 2 s, 4 s …; the bound only keeps a broken build from hanging.
        var seeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Length;
        var ready = await PollReadinessAsync(client, TimeSpan.FromSeconds(90), body => body["store"]?["documents"]?.GetValue<int>() == seeds);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal(seeds, ready.Body["store"]!["documents"]!.GetValue<int>());
        Assert.Contains($"{prefix}_documents", qdrant.CollectionNames);
        Assert.Contains($"{prefix}_chunks", qdrant.CollectionNames);
        var list = (await client.GetFromJsonAsync<JsonNode>("/api/documents?limit=50", Ct))!;
        Assert.Equal(seeds, list["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task QdrantGoneAfterStart_ReadinessNamesQdrant_WithoutItsAddressOrTheClientsText()
    {
        await using var qdrant = await FakeQdrantServer.StartNewAsync();
        var url = qdrant.Url;
        await using var app = new NewsQaApplication(ApiOnQdrant(url, QdrantTestStores.UniquePrefix()));
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await PollReadinessAsync(client, TimeSpan.FromSeconds(60), _ => true)).Status);

        qdrant.FailWithUnavailable = true;
        using var response = await client.GetAsync("/health/ready", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Qdrant", JsonNode.Parse(text)!["failing"]!.AsArray().Select(f => f!.GetValue<string>()));
        AssertNoInternals(text, url);
        Assert.DoesNotContain("injected by the fake", text, StringComparison.Ordinal);
    }

    /// <summary>The API on the Qdrant store at <paramref name="url"/> with short per-call timeouts (the fake is local).</summary>
    private static Dictionary<string, string?> ApiOnQdrant(Uri url, string prefix) => new()
    {
        ["Store:Provider"] = "Qdrant",
        ["Store:Qdrant:Url"] = url.ToString(),
        ["Store:Qdrant:CollectionPrefix"] = prefix,
        ["Store:Qdrant:AttemptTimeout"] = "00:00:02",
        ["Store:Qdrant:TotalTimeout"] = "00:00:05",
        ["Store:Qdrant:MaxRetries"] = "1",
        ["Store:Qdrant:RetryDelay"] = "00:00:00.050",
    };

    /// <summary>Readiness is unauthenticated: no address, port, transport name or exception text of the store.</summary>
    private static void AssertNoInternals(string body, Uri url)
    {
        Assert.DoesNotContain(url.Host, body, StringComparison.Ordinal);
        Assert.DoesNotContain($":{url.Port}", body, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", body, StringComparison.Ordinal);
        Assert.DoesNotContain("gRPC", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    /// <summary>Readiness once it is 200 and <paramref name="done"/> holds for its body, or as it is when <paramref name="bound"/> has passed.</summary>
    private static async Task<(HttpStatusCode Status, JsonNode Body)> PollReadinessAsync(HttpClient client, TimeSpan bound, Func<JsonNode, bool> done)
    {
        var until = DateTime.UtcNow + bound;
        while (true)
        {
            using var response = await client.GetAsync("/health/ready", Ct);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
            if ((response.StatusCode == HttpStatusCode.OK && done(body)) || DateTime.UtcNow > until)
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(200, Ct);
        }
    }
}
