using NewsQA.Testing;
using NewsQA.Testing.Models;
using System.Text.Json.Nodes;

namespace NewsQA.Cli.Tests;

/// <summary>
/// `newsqa eval` over the XQuAD-de dev split (lexical mode, the default without a model). The floors sit just
/// under what was measured when they were set (docs/quality.md): a regression in cleaning, analysis, retrieval
/// or answering shows up here.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(RealModelEvals.Name)]
public sealed class EvalQualityTests(RealModelEvals.VectorCache vectors) : IDisposable
{
    private readonly TempFolder work = new("newsqa-eval-");

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task XquadDeDev_StaysAboveTheMeasuredFloors()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "TestData", "xquad-de-dev");

        var result = await CliProcess.RunAsync(work, TestContext.Current.CancellationToken,
            "eval", "--paragraphs", Path.Combine(data, "paragraphs.jsonl"), "--questions", Path.Combine(data, "questions.jsonl"), "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal(632, report["questions"]!.GetValue<int>());
        var metrics = Run(report, "newsqa");
        // Measured .957 / .994 / .973 (800-character chunks without overlap; .962 / .994 / .976 with 700 and overlap 1).
        Assert.True(metrics["recall@1"]!.GetValue<double>() >= 0.95, result.Output);
        Assert.True(metrics["recall@5"]!.GetValue<double>() >= 0.985, result.Output);
        Assert.True(metrics["recall@10"]!.GetValue<double>() >= 0.985, result.Output);
        Assert.True(metrics["mrr@10"]!.GetValue<double>() >= 0.965, result.Output);
        Assert.True(metrics["ndcg@10"]!.GetValue<double>() >= 0.97, result.Output);
        Assert.True(metrics["answerContains"]!.GetValue<double>() >= 0.74, result.Output);

        // The baseline runs beside NewsQA in every report, over the same documents, and retrieves only.
        var baseline = Run(report, "bm25");
        Assert.True(baseline["mrr@10"]!.GetValue<double>() > 0.9, result.Output);
        Assert.Null(baseline["answered"]);
    }

    /// <summary>A lexical eval of the language's dev split with the 1,028 10kGNAD articles as distractors.</summary>
    private async Task<(CliProcess.Result Result, JsonNode Lexical, JsonNode Baseline)> WithDistractorsAsync(string language)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "TestData");
        var result = await CliProcess.RunAsync(work, TestContext.Current.CancellationToken,
            "eval", "--paragraphs", Path.Combine(data, $"xquad-{language}-dev", "paragraphs.jsonl"), "--questions", Path.Combine(data, $"xquad-{language}-dev", "questions.jsonl"),
            "--distractors", Path.Combine(data, "gnad10k", "articles.jsonl"), "--mode", "lexical", "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal(120 + 1028, report["documents"]!.GetValue<int>());
        var lexical = Run(report, "newsqa");
        Assert.Equal("lexical", lexical["mode"]!.GetValue<string>());
        return (result, lexical, Run(report, "bm25"));
    }

    [Fact]
    public async Task XquadEnDevWithDistractors_LexicalBeatsPlainBm25ByTheIssuesMargins()
    {
        // Issue 13, item 3: at least +0.01 in R@5 and MRR@10 over the plain BM25 of the same report. Measured 1.000 / .977
        // against .989 / .958 (R@5 1.000 came with the grams of unknown terms: .997 before).
        var (result, lexical, baseline) = await WithDistractorsAsync("en");

        Assert.True(lexical["recall@5"]!.GetValue<double>() >= baseline["recall@5"]!.GetValue<double>() + 0.01, result.Output);
        Assert.True(lexical["mrr@10"]!.GetValue<double>() >= baseline["mrr@10"]!.GetValue<double>() + 0.01, result.Output);
    }

    [Fact]
    public async Task XquadDeDevWithDistractors_LexicalBeatsPlainBm25ByTheIssuesMargins_AndStaysAboveTheFloors()
    {
        var (result, lexical, baseline) = await WithDistractorsAsync("de");

        // Issue 13, item 3, as for English. Measured R@5 .991 against .978 and MRR@10 .960 against .944 with 800-character
        // chunks without overlap (ChunkingOptions); with 700 and one sentence of overlap R@5 was .986, two questions short.
        Assert.True(lexical["recall@5"]!.GetValue<double>() >= baseline["recall@5"]!.GetValue<double>() + 0.01, result.Output);
        Assert.True(lexical["mrr@10"]!.GetValue<double>() >= baseline["mrr@10"]!.GetValue<double>() + 0.01, result.Output);

        // Measured .938 / .991 / .960; before the grams field and question-word-free queries .911 / .973 / .939.
        Assert.True(lexical["recall@1"]!.GetValue<double>() >= 0.93, result.Output);
        Assert.True(lexical["recall@5"]!.GetValue<double>() >= 0.985, result.Output);
        Assert.True(lexical["mrr@10"]!.GetValue<double>() >= 0.95, result.Output);

        // Answered .894 (.880 with 700-character chunks and overlap) at the threshold 0.40.
        Assert.True(lexical["answered"]!.GetValue<double>() >= 0.87, result.Output);
    }

    [Fact]
    public async Task XquadEnDevWithoutGold_AsksEveryQuestionWithoutItsArticleAndCountsItsFalseAnswers()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "TestData");
        var reportFile = Path.Combine(work, "without-gold.jsonl");
        var result = await CliProcess.RunAsync(work, TestContext.Current.CancellationToken,
            "eval", "--paragraphs", Path.Combine(data, "xquad-en-dev", "paragraphs.jsonl"), "--questions", Path.Combine(data, "xquad-en-dev", "questions.jsonl"),
            "--distractors", Path.Combine(data, "gnad10k", "articles.jsonl"), "--mode", "lexical", "--without-gold", "--report", reportFile, "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Output)!;
        Assert.True(report["withoutGold"]!.GetValue<bool>());
        var lexical = Assert.Single(report["runs"]!.AsArray())!;
        Assert.Equal("newsqa", lexical["system"]!.GetValue<string>());

        // Every question once, and never its own article among the results: no paragraph of it was there to find.
        var lines = File.ReadAllLines(reportFile).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(632, lines.Select(l => l["id"]!.GetValue<string>()).Distinct().Count());
        Assert.All(lines, l => Assert.Null(l["goldRank"]));

        // Every answer here is false. English questions meet the other English articles, so some are answered (asked of the
        // German distractors alone the language guard refused them all and the rate said nothing); measured .165 at the
        // shipped Answer:MinConfidence 0.40.
        var falseAnswers = lexical["answered"]!.GetValue<double>();
        Assert.True(falseAnswers is > 0.05 and <= 0.20, result.Output);
    }

    public static TheoryData<string> RealModelIds() => new(RealModels.All.Select(m => m.Id));

    [Theory]
    [MemberData(nameof(RealModelIds))]
    public async Task XquadEnDev_HybridWithARealModel_AnswersAtLeastAsWellAsLexical(string id)
    {
        // Issue 14: with a model the answerer weighs sentences by meaning too, so hybrid answers at least as often and
        // as well as lexical alone, both measured in one report over one ingest. The small English set only (CI time).
        var data = Path.Combine(AppContext.BaseDirectory, "TestData", "xquad-en-dev");
        var environment = new Dictionary<string, string>
        {
            ["Embeddings__Model"] = RealModels.All.Single(m => m.Id == id).Folder,
            // The shipped threshold, set explicitly: no calibration exists for the model in a scratch folder, and the
            // notice saying so would otherwise precede the JSON.
            ["Answer__MinConfidence"] = "0.40",
        };

        var result = await CliProcess.RunWithEnvironmentAsync(work, environment, TestContext.Current.CancellationToken,
            "eval", "--paragraphs", Path.Combine(data, "paragraphs.jsonl"), "--questions", Path.Combine(data, "questions.jsonl"),
            "--mode", "lexical", "hybrid", "--vector-cache", vectors.Path, "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Output)!;
        var runs = report["runs"]!.AsArray().Where(r => r!["system"]!.GetValue<string>() == "newsqa").ToDictionary(r => r!["mode"]!.GetValue<string>(), r => r!);
        var lexical = runs["lexical"];
        var hybrid = runs["hybrid"];
        Assert.True(hybrid["answerContains"]!.GetValue<double>() >= lexical["answerContains"]!.GetValue<double>(), result.Output);
        Assert.True(hybrid["answered"]!.GetValue<double>() >= lexical["answered"]!.GetValue<double>(), result.Output);

        // Measured: lexical .883 / .959; hybrid MiniLM .905 / .983, Arctic .910 / .998 (before meaning: .885 / .956, .883 / .953).
        Assert.True(hybrid["answerContains"]!.GetValue<double>() >= 0.895, result.Output);
        Assert.True(hybrid["answered"]!.GetValue<double>() >= 0.975, result.Output);
    }

    private static JsonNode Run(JsonNode report, string system) =>
        report["runs"]!.AsArray().First(r => r!["system"]!.GetValue<string>() == system)!;
}
