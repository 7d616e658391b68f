using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>
/// The CLI and the API are two doors to one service: the same record ingests into the same document through both,
/// a bad record is refused with the same message, and <c>newsqa search --json</c> prints the document
/// <c>POST /api/search</c> returns.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class CliApiParityTests : IDisposable
{
    private const string Record = """{"id":"parity-1","title":"Windkraft im Norden","date":"2025-07","body":"Im Norden wurden 2025 zwölf neue Windparks gebaut.\n\nDie Betreiber rechnen mit weiteren Anlagen.","url":"https://example.org/wind","source":"dpa"}""";

    private readonly TempFolder work = new("newsqa-parity-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task OneRecord_IngestsIdenticallyThroughCliAndApi()
    {
        await File.WriteAllTextAsync(Path.Combine(work, "record.json"), Record, Ct);
        var ingest = await CliProcess.RunAsync(work, Ct, "ingest", "record.json", "--data", "cli-data");
        Assert.Equal(0, ingest.ExitCode);

        await using var cliSide = new NewsQaApplication(new Dictionary<string, string?> { ["Data:Path"] = Path.Combine(work, "cli-data"), ["Seeds:IngestOnEmpty"] = "false" });
        await using var apiSide = new NewsQaApplication(new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false" });
        using var api = apiSide.CreateClient();
        using var posted = await api.PostAsync("/api/documents", new StringContent(Record, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(Ct));

        var viaCli = await cliSide.CreateClient().GetFromJsonAsync<JsonNode>("/api/documents/parity-1", Ct);
        var viaApi = await api.GetFromJsonAsync<JsonNode>("/api/documents/parity-1", Ct);
        Assert.Equal("2025-07", viaApi!["publishedAt"]!.GetValue<string>());
        Assert.Equal("https://example.org/wind", viaApi["url"]!.GetValue<string>());
        Assert.Equal("dpa", viaApi["source"]!.GetValue<string>());
        Assert.Equal(viaApi.ToJsonString(), viaCli!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"id":"bad-date","text":"Ein Artikel.","date":"Juli 2025"}""", "date")]
    [InlineData("""{"id":"no-text","title":"Nur ein Titel"}""", "text")]
    [InlineData("""{"id":"nul","text":"Ein Artikel.\u0000"}""", "text")]
    [InlineData("""{"id":"wrong-type","text":"Ein Artikel.","title":["a","b"]}""", "title")]
    public async Task BadRecord_IsRefusedWithTheSameMessageByCliAndApi(string record, string field)
    {
        await File.WriteAllTextAsync(Path.Combine(work, "bad.jsonl"), record + "\n", Ct);
        var cli = await CliProcess.RunAsync(work, Ct, "ingest", "bad.jsonl", "--data", "data");

        await using var app = new NewsQaApplication(new Dictionary<string, string?> { ["Seeds:IngestOnEmpty"] = "false" });
        using var response = await app.CreateClient().PostAsync("/api/documents", new StringContent(record, System.Text.Encoding.UTF8, "application/json"), Ct);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(1, cli.ExitCode);
        Assert.Equal(400, (int)response.StatusCode);
        var message = problem["errors"]?[field]?[0]?.GetValue<string>() ?? problem["detail"]!.GetValue<string>();
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchJson_HasExactlyTheShapeOfTheApiResponse()
    {
        var ingest = await CliProcess.RunAsync(work, Ct, "ingest", Path.Combine(AppContext.BaseDirectory, "seeds"), "--data", "data");
        Assert.Equal(0, ingest.ExitCode);
        var cli = await CliProcess.RunAsync(work, Ct, "search", "Drohnen aus dem Iran", "--top", "3", "--mode", "lexical", "--json", "--data", "data");

        await using var app = new NewsQaApplication(new Dictionary<string, string?> { ["Data:Path"] = Path.Combine(work, "data"), ["Seeds:IngestOnEmpty"] = "false" });
        using var response = await app.CreateClient().PostAsJsonAsync("/api/search", new { query = "Drohnen aus dem Iran", top = 3, mode = "lexical" }, Ct);
        var fromApi = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        var fromCli = JsonNode.Parse(cli.Output)!;

        Assert.Equal(Shape(fromApi), Shape(fromCli));
        // Timings differ between two runs; everything else is the same data through the same mapping.
        fromApi.AsObject().Remove("timings");
        fromCli.AsObject().Remove("timings");
        Assert.Equal(fromApi.ToJsonString(), fromCli.ToJsonString());
    }

    /// <summary>Every key path with the JSON kind of its value, so a missing key or a number printed as a string shows.</summary>
    private static string Shape(JsonNode? node, string path = "$") => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => Shape(p.Value, $"{path}.{p.Key}")).Prepend($"{path}:object")),
        JsonArray a => string.Join("\n", a.Take(1).Select(e => Shape(e, path + "[]")).Prepend($"{path}:array")),
        null => $"{path}:null",
        _ => $"{path}:{node.GetValueKind()}",
    };
}
