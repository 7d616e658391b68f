using System.Text.Json.Nodes;
using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>Issue 35: <c>--collection</c> puts what <c>ingest</c> writes into a collection, and <c>search</c>/<c>ask</c> read that collection alone.</summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class CliCollectionTests : IDisposable
{
    private readonly TempFolder work = new("newsqa-cli-collection-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Seeds => Path.Combine(AppContext.BaseDirectory, "seeds");

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task Collection_SeparatesIngestSearchAndAsk()
    {
        var desk = Path.Combine(work, "desk.txt");
        await File.WriteAllTextAsync(desk, "Die Redaktion recherchiert die Produktion von Raketen in der Ukraine.", Ct);

        Assert.Equal(0, (await CliProcess.RunAsync(work, Ct, "ingest", Seeds)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(work, Ct, "ingest", desk, "--collection", "desk")).ExitCode);

        var inDesk = JsonNode.Parse((await CliProcess.RunAsync(work, Ct, "search", "Raketen Ukraine", "--json", "--collection", "desk")).Output)!["results"]!.AsArray();
        var inDefault = JsonNode.Parse((await CliProcess.RunAsync(work, Ct, "search", "Raketen Ukraine", "--json")).Output)!["results"]!.AsArray();
        var answer = JsonNode.Parse((await CliProcess.RunAsync(work, Ct, "ask", "Wer recherchiert die Produktion von Raketen?", "--json", "--collection", "desk")).Output)!;

        Assert.Equal(["desk"], inDesk.Select(h => h!["documentId"]!.GetValue<string>()).Distinct());
        Assert.All(inDesk, h => Assert.Equal("desk", h!["collection"]!.GetValue<string>()));
        Assert.NotEmpty(inDefault);
        Assert.DoesNotContain(inDefault, h => h!["documentId"]!.GetValue<string>() == "desk");
        Assert.Equal("desk", answer["collection"]!.GetValue<string>());
        Assert.All(answer["citations"]!.AsArray(), c => Assert.Equal("desk", c!["documentId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task InvalidCollection_IsAClearUsageError()
    {
        var result = await CliProcess.RunAsync(work, Ct, "search", "Raketen", "--collection", "a/b");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--collection must be", result.Error, StringComparison.Ordinal);
    }
}
