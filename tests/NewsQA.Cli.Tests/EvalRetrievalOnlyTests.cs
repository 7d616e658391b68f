using System.Text.Json.Nodes;
using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>
/// <c>newsqa eval --retrieval-only</c> skips the answer stage: the ranking figures are the full eval's, the answer
/// figures are left out (not reported as zero), and the options that measure answers refuse it.
/// </summary>
public sealed class EvalRetrievalOnlyTests : IDisposable
{
    private readonly TempFolder work = new("newsqa-eval-retrieval-");

    public void Dispose() => work.Dispose();

    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    private async Task<JsonNode> NewsQaRunAsync(params string[] extra)
    {
        var result = await CliProcess.RunAsync(work, TestContext.Current.CancellationToken,
            ["eval", "--paragraphs", Data("xquad-de-dev", "paragraphs.jsonl"), "--questions", Data("xquad-de-dev", "questions.jsonl"),
             "--limit", "60", "--mode", "lexical", "--json", .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Output)!["runs"]!.AsArray().Single(r => r!["system"]!.GetValue<string>() == "newsqa")!;
    }

    [Fact]
    public async Task RetrievalOnly_RanksAsTheFullEval_AndLeavesTheAnswerFiguresOut()
    {
        var report = Path.Combine(work, "report.jsonl");
        var full = await NewsQaRunAsync();
        var retrieval = await NewsQaRunAsync("--retrieval-only", "--report", report);

        foreach (var metric in new[] { "recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10" })
        {
            Assert.Equal(full[metric]!.GetValue<double>(), retrieval[metric]!.GetValue<double>());
        }

        Assert.NotNull(full["answered"]);
        Assert.Null(retrieval["answered"]);
        Assert.Null(retrieval["answerContains"]);

        // The per-question lines say where the gold ranked and nothing about an answer that was never asked for.
        var lines = File.ReadAllLines(report).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(60, lines.Count);
        Assert.All(lines, l => Assert.DoesNotContain(l, kv => kv.Key is "status" or "confidence" or "answerContains"));
    }

    [Fact]
    public async Task RetrievalOnlyWithWithoutGold_IsAClearError()
    {
        var result = await CliProcess.RunAsync(work, TestContext.Current.CancellationToken,
            "eval", "--paragraphs", Data("xquad-de-dev", "paragraphs.jsonl"), "--questions", Data("xquad-de-dev", "questions.jsonl"),
            "--distractors", Data("gnad10k", "articles.jsonl"), "--without-gold", "--retrieval-only");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--without-gold measures answers", result.Error, StringComparison.Ordinal);
    }
}
