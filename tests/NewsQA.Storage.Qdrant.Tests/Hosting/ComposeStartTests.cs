using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsQA.Storage.Qdrant.Tests.Fake;
using NewsQA.Testing;

namespace NewsQA.Storage.Qdrant.Tests.Hosting;

/// <summary>
/// The compose file's API service, as far as it can run without Docker (issue 15, item 5): the published API
/// (the Dockerfile's build stage, replayed by scripts/check-container.sh) started with exactly the environment
/// <c>docker-compose config</c> gives the container (the Dockerfile's ENV, then the service's, empty
/// <c>${VAR:-}</c> values included), against the gRPC fake standing in for the <c>qdrant</c> service and started
/// after the API as compose may. What differs from the container, and why: container paths map to host folders
/// (the volumes), the host <c>qdrant</c> and port 8080 map to loopback ports, and Embeddings:AutoPull is off
/// (tests never download). Skipped unless the script sets <c>NEWSQA_PUBLISHED_API</c> and <c>NEWSQA_COMPOSE_API_ENV</c>.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ComposeStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishedApi_WithTheComposeEnvironment_StartsBeforeQdrant_ThenIsReadyWithTheSeeds()
    {
        var dll = Environment.GetEnvironmentVariable("NEWSQA_PUBLISHED_API");
        var envFile = Environment.GetEnvironmentVariable("NEWSQA_COMPOSE_API_ENV");
        Assert.SkipWhen(dll is null || envFile is null, "run by scripts/check-container.sh, which publishes the API and parses the compose file");
        Assert.True(File.Exists(dll), $"no published API at {dll}");
        var container = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(envFile!, Ct))!;

        // The service talks gRPC to the qdrant service on 6334, what the fake speaks.
        Assert.Equal("Qdrant", container["Store__Provider"]);
        var composeUrl = new Uri(container["Store__Qdrant__Url"]);
        Assert.Equal(("http", "qdrant", 6334), (composeUrl.Scheme, composeUrl.Host, composeUrl.Port));
        Assert.Equal(string.Empty, container["Embeddings__Model"]);

        await using var qdrant = await FakeQdrantServer.StartNewAsync();
        var qdrantUrl = qdrant.Url;
        await qdrant.StopAsync();
        using var data = new TempFolder("newsqa-compose-");
        var port = FreePort();
        var mapped = container.ToDictionary(e => e.Key, e => e.Value switch
        {
            "/data" => data,
            "/app/seeds" => RepoPaths.Seeds,
            _ when e.Key == "Store__Qdrant__Url" => qdrantUrl.ToString(),
            _ when e.Key == "ASPNETCORE_HTTP_PORTS" => port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => e.Value,
        });
        mapped["Embeddings__ModelsPath"] = Path.Combine(RepoPaths.Root, "models"); // the ./models:/app/models volume
        mapped["Embeddings__AutoPull"] = "false";

        var output = new ConcurrentQueue<string>();
        using var api = Start(dll!, mapped, output);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var before = await PollAsync(http, api, r => r.StatusCode == HttpStatusCode.ServiceUnavailable, output);
            Assert.Contains("Qdrant", JsonNode.Parse(before)!["failing"]!.AsArray().Select(f => f!.GetValue<string>()));

            await qdrant.StartAsync();
            var seeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Length;
            var ready = JsonNode.Parse(await PollAsync(http, api, r => r.StatusCode == HttpStatusCode.OK, output, body => body["store"]?["documents"]?.GetValue<int>() == seeds))!;
            Assert.Equal(seeds, ready["store"]!["documents"]!.GetValue<int>());
            Assert.Equal("lexical", ready["searchMode"]!.GetValue<string>());
            Assert.DoesNotContain(output, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>The published API as the container's entry point runs it (<c>dotnet NewsQA.Api.dll</c> in its folder) with only <paramref name="environment"/> added.</summary>
    private static Process Start(string dll, Dictionary<string, string> environment, ConcurrentQueue<string> output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Readiness until <paramref name="status"/> and <paramref name="body"/> hold; fails with the API's output after 120 s or when it exits (bounds only: nothing here is timed).</summary>
    private static async Task<string> PollAsync(HttpClient http, Process api, Func<HttpResponseMessage, bool> status, ConcurrentQueue<string> output, Func<JsonNode, bool>? body = null)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until && !api.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready", Ct);
                var text = await response.Content.ReadAsStringAsync(Ct);
                if (status(response) && (body is null || body(JsonNode.Parse(text)!)))
                {
                    return text;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, Ct);
        }

        Assert.Fail($"readiness never got there (exited: {api.HasExited}); the API wrote:\n{string.Join('\n', output)}");
        return string.Empty;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
