using System.Text.Json.Nodes;

namespace NewsQA.Cli.Tests;

/// <summary>`newsqa eval --vector-cache DIR`: a second eval with the same model embeds nothing and scores the same.</summary>
public sealed class EvalVectorCacheCommandTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("newsqa-eval-cache-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task SecondRun_ReadsEveryVectorFromTheCache_AndRanksTheSame()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Path.Combine(AppContext.BaseDirectory, "TestData", "xquad-en-dev");
        var model = new Dictionary<string, string> { ["Embeddings__Model"] = Path.Combine(AppContext.BaseDirectory, "models", "tiny", "bert") };
        string[] args = ["eval", "--paragraphs", Path.Combine(data, "paragraphs.jsonl"), "--questions", Path.Combine(data, "questions.jsonl"),
            "--limit", "20", "--mode", "dense", "--vector-cache", Path.Combine(work, "vectors"), "--json"];

        var first = await CliProcess.RunWithEnvironmentAsync(work, model, ct, args);
        var second = await CliProcess.RunWithEnvironmentAsync(work, model, ct, args);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        // The first run already hits for texts it meets twice (a sentence the answerer embeds for several questions);
        // the second embeds nothing and reads every text the first one used.
        var (firstHits, firstEmbedded) = CacheCounts(first.Error);
        var (secondHits, secondEmbedded) = CacheCounts(second.Error);
        Assert.True(firstEmbedded > 0, first.Error);
        Assert.Equal(0, secondEmbedded);
        Assert.Equal(firstHits + firstEmbedded, secondHits);
        Assert.Equal(DenseRun(first.Output), DenseRun(second.Output));
    }

    private static (int Hits, int Embedded) CacheCounts(string error)
    {
        var match = System.Text.RegularExpressions.Regex.Match(error, @"vector cache: (\d+) texts from the cache, (\d+) embedded");
        Assert.True(match.Success, error);
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The dense run's figures without its wall time.</summary>
    private static string DenseRun(string output)
    {
        var run = JsonNode.Parse(output)!["runs"]!.AsArray().Single(r => r!["mode"]!.GetValue<string>() == "dense")!.AsObject();
        run.Remove("seconds");
        return run.ToJsonString();
    }
}
