using NewsQA.Testing;
using System.Text.Json.Nodes;

namespace NewsQA.Cli.Tests;

/// <summary>
/// `newsqa eval` over the XQuAD-de dev split (lexical mode, the default without a model). The floors sit just
/// under what was measured when they were set (README, "Quality"): a regression in cleaning, analysis, retrieval
/// or answering shows up here.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class EvalQualityTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("newsqa-eval-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task XquadDeDev_StaysAboveTheMeasuredFloors()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "TestData", "xquad-de-dev");

        var result = await CliProcess.RunAsync(work, TestContext.Current.CancellationToken,
            "eval", "--paragraphs", Path.Combine(data, "paragraphs.jsonl"), "--questions", Path.Combine(data, "questions.jsonl"), "--json");

        Assert.Equal(0, result.ExitCode);
        var metrics = JsonNode.Parse(result.Output)!;
        Assert.Equal(632, metrics["questions"]!.GetValue<int>());
        Assert.True(metrics["recall@1"]!.GetValue<double>() >= 0.91, result.Output);
        Assert.True(metrics["recall@5"]!.GetValue<double>() >= 0.97, result.Output);
        Assert.True(metrics["recall@10"]!.GetValue<double>() >= 0.98, result.Output);
        Assert.True(metrics["mrr@10"]!.GetValue<double>() >= 0.94, result.Output);
        Assert.True(metrics["ndcg@10"]!.GetValue<double>() >= 0.95, result.Output);
        Assert.True(metrics["answerContains"]!.GetValue<double>() >= 0.72, result.Output);
    }
}
