using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Api.Tests.Reliability;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Setup;

/// <summary>
/// Every configuration key is checked at start: a mistake is one line naming the key as the user writes it, a
/// non-zero exit and no stack trace; an empty value of an optional key means unset.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ConfigurationMistakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("RateLimit__PermitsPerMinute", "abc", "RateLimit:PermitsPerMinute must be a whole number ≥ 1, got 'abc'")]
    [InlineData("RateLimit__Enabled", "ja", "RateLimit:Enabled must be true or false, got 'ja'")]
    [InlineData("Proxy__KnownProxies__0", "not-an-ip", "Proxy:KnownProxies must list IP addresses")]
    [InlineData("Proxy__KnownProxies", "10.0.0.5, not-an-ip", "Proxy:KnownProxies must list IP addresses")]
    [InlineData("Proxy__KnownProxies", "10.0.0.5 zz", "Proxy:KnownProxies must list IP addresses such as 10.0.0.5, got 'zz'")]
    [InlineData("Proxy__KnownNetworks__0", "10.0.0.0/99", "Proxy:KnownNetworks must list networks")]
    [InlineData("Cors__Origins__0", "javascript:alert(1)", "Cors:Origins must list origins")]
    [InlineData("Store__Provider", "foo", "Store:Provider must be 'Embedded' or 'Qdrant', got 'foo'")]
    [InlineData("Store__Qdrant__Url", "ftp://qdrant:6333", "Store:Qdrant:Url must be an absolute http(s) URL")]
    [InlineData("Store__Qdrant__AttemptTimeout", "ten seconds", "Store:Qdrant:AttemptTimeout must be a duration")]
    [InlineData("Store__Embedded__QuantizedSearchFrom", "many", "Store:Embedded:QuantizedSearchFrom must be a whole number")]
    [InlineData("Embeddings__BatchSize", "0", "Embeddings:BatchSize must be a whole number from 1 to 1024, got '0'")]
    [InlineData("Llm__TimeoutSeconds", "-1", "Llm:TimeoutSeconds must be a whole number from 1 to 600, got '-1'")]
    [InlineData("Llm__Endpoint", "file:///etc/passwd", "Llm:Endpoint must be an absolute http(s) URL")]
    [InlineData("Hosting__ShutdownTimeoutSeconds", "-1", "Hosting:ShutdownTimeoutSeconds must be a whole number from 0 to 3600, got '-1'")]
    [InlineData("Limits__MaxBodyBytes", "5MB", "Limits:MaxBodyBytes must be a whole number")]
    [InlineData("Answer__MinConfidence", "1.5", "Answer:MinConfidence must be a number from 0 to 1, got '1.5'")]
    [InlineData("Chunking__TargetChars", "5000", "Chunking:TargetChars (5000) must be <= Chunking:MaxChars")]
    [InlineData("Data__Path", " ", "Data:Path is only spaces")]
    [InlineData("Auth__ApiKey", "  ", "Auth:ApiKey is only spaces")]
    [InlineData("Auth__ApiKey", " ", "Auth:ApiKey is only spaces")]
    [InlineData("Auth__RequireKeyForReads", "true", "Auth:RequireKeyForReads is true but Auth:ApiKey is not set")]
    [InlineData("urls", "http://127.0.0.1:99999", "ASPNETCORE_URLS (urls) must list addresses such as http://127.0.0.1:5000 with a port from 0 to 65535, got 'http://127.0.0.1:99999'")]
    [InlineData("Logging__LogLevel__Default", "Verbose", "Logging:LogLevel:Default must be one of Trace, Debug, Information, Warning, Error, Critical or None, got 'Verbose'")]
    [InlineData("Logging__Console__LogLevel__Microsoft", "laut", "Logging:Console:LogLevel:Microsoft must be one of")]
    [InlineData("Embeddings__AutoPull", "maybe", "Embeddings:AutoPull must be true or false, got 'maybe'")]
    [InlineData("Embeddings__WatchInterval", "-00:00:05", "Embeddings:WatchInterval")]
    [InlineData("Embeddings__WatchInterval", "00:00:00", "Embeddings:WatchInterval")]
    [InlineData("Embeddings__BackfillBatch", "0", "Embeddings:BackfillBatch")]
    [InlineData("Embeddings__BackfillPause", "-00:00:01", "Embeddings:BackfillPause")]
    public async Task MistakeIsOneLineNamingTheKeyAndANonZeroExit(string variable, string value, string expected)
    {
        using var folder = new TempFolder("newsqa-config-");
        var environment = new Dictionary<string, string> { ["Data__Path"] = Path.Combine(folder, "data") };
        environment[variable] = value;
        var (exit, output) = await ApiProcess.RunUntilExitAsync(folder, environment, TimeSpan.FromSeconds(60), Ct);

        Assert.True(exit is not null and not 0, $"exit {exit?.ToString() ?? "none (still running)"}:\n{output}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"Expected one line:\n{output}");
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, " ")), "a folder named ' ' was created");
    }

    /// <summary>Issue 33 item 16: the port another process holds is one line naming it, not Kestrel's stack trace.</summary>
    [Fact]
    public async Task PortInUse_IsOneLineNamingTheAddress()
    {
        using var folder = new TempFolder("newsqa-config-");
        var holder = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        try
        {
            var address = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";
            var environment = new Dictionary<string, string> { ["Data__Path"] = Path.Combine(folder, "data"), ["urls"] = address, ["ASPNETCORE_URLS"] = address };

            var (exit, output) = await ApiProcess.RunUntilExitAsync(folder, environment, TimeSpan.FromSeconds(60), Ct);

            Assert.True(exit is not null and not 0, $"exit {exit?.ToString() ?? "none (still running)"}:\n{output}");
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(lines.Length == 1, $"Expected one line:\n{output}");
            Assert.Contains($"{address} is already in use", lines[0], StringComparison.Ordinal);
        }
        finally
        {
            holder.Stop();
        }
    }

    [Theory]
    [InlineData("Embeddings__Model")]
    [InlineData("Seeds__Path")]
    [InlineData("Data__Path")]
    [InlineData("RateLimit__PermitsPerMinute")]
    [InlineData("Store__Qdrant__Url")]
    [InlineData("Auth__ApiKey")]
    [InlineData("Llm__Endpoint")]
    public async Task EmptyValueMeansUnset(string variable)
    {
        using var folder = new TempFolder("newsqa-config-");
        // Still running after the timeout means it started (and it is stopped then).
        var (exit, output) = await ApiProcess.RunUntilExitAsync(folder, new Dictionary<string, string> { [variable] = string.Empty }, TimeSpan.FromSeconds(8), Ct);

        Assert.True(exit is null, $"exit {exit}:\n{output}");
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DamagedModelFileStartsLexicalWithReadinessNamingTheModel()
    {
        using var folder = new TempFolder("newsqa-model-");
        var model = Path.Combine(folder, "bert");
        Directory.CreateDirectory(model);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "models", "tiny", "bert")))
        {
            File.Copy(file, Path.Combine(model, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(model, "model.onnx"), "not a model", Ct);
        await using var api = await ApiProcess.StartAsync(Path.Combine(folder, "data"), new Dictionary<string, string>
        {
            ["Embeddings:Model"] = model,
            ["Seeds:IngestOnEmpty"] = "true",
            ["Seeds:Path"] = NewsQaApplication.SeedsPath,
        }, Ct);

        var ready = await api.Client.GetAsync("/health/ready", Ct);
        var lexical = await api.Client.PostAsJsonAsync("/api/search", new { query = "Ukraine", mode = "lexical" }, Ct);
        var dense = await api.Client.PostAsJsonAsync("/api/search", new { query = "Ukraine", mode = "dense" }, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("embedder", body.GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("model.onnx", body.GetProperty("embeddings").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, lexical.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, dense.StatusCode);
        Assert.DoesNotContain("   at ", api.Output, StringComparison.Ordinal);
    }
}
