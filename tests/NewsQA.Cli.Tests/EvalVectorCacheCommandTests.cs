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
        Assert.Matches(@"vector cache: 0 texts from the cache, [1-9]\d* embedded", first.Error);
        Assert.Matches(@"vector cache: [1-9]\d* texts from the cache, 0 embedded", second.Error);
        Assert.Equal(DenseRun(first.Output), DenseRun(second.Output));
    }

    /// <summary>The dense run's figures without its wall time.</summary>
    private static string DenseRun(string output)
    {
        var run = JsonNode.Parse(output)!["runs"]!.AsArray().Single(r => r!["mode"]!.GetValue<string>() == "dense")!.AsObject();
        run.Remove("seconds");
        return run.ToJsonString();
    }
}
