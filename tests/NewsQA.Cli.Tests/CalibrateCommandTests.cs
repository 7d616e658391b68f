using System.Text.Json.Nodes;
using NewsQA.Core.Calibration;
using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>
/// `newsqa eval --calibrate` end to end: XQuAD-de dev questions asked with their paragraphs among 10kGNAD
/// distractors and without their own article, the trade-off table printed, the chosen threshold stored in the data
/// directory under the model's key (lexical here: no model).
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class CalibrateCommandTests : IDisposable
{
    private readonly TempFolder work = new("newsqa-calibrate-");

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task Calibrate_PrintsTheTradeOffAndStoresTheChosenThreshold()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "TestData");
        var distractors = Path.Combine(work, "distractors.jsonl");
        await File.WriteAllLinesAsync(distractors, File.ReadLines(Path.Combine(data, "gnad10k", "articles.jsonl")).Take(60), TestContext.Current.CancellationToken);
        var store = Path.Combine(work, "data");

        var result = await CliProcess.RunAsync(work, TestContext.Current.CancellationToken,
            "eval", "--paragraphs", Path.Combine(data, "xquad-de-dev", "paragraphs.jsonl"), "--questions", Path.Combine(data, "xquad-de-dev", "questions.jsonl"),
            "--limit", "30", "--distractors", distractors, "--mode", "lexical", "--calibrate", "--data", store, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var calibration = JsonNode.Parse(result.Output)!["calibrations"]!.AsArray().Single()!;
        Assert.Equal(CalibrationFile.LexicalKey, calibration["key"]!.GetValue<string>());
        var rows = calibration["rows"]!.AsArray().Select(r => r!).ToList();
        Assert.Equal(101, rows.Count);

        // A higher threshold never answers more, of either set.
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i]["answered"]!.GetValue<double>() <= rows[i - 1]["answered"]!.GetValue<double>());
            Assert.True(rows[i]["falseAnswers"]!.GetValue<double>() <= rows[i - 1]["falseAnswers"]!.GetValue<double>());
        }

        // What was printed is what the service will pick up, with the figures of its row.
        var chosen = calibration["minConfidence"]!.GetValue<double>();
        var stored = CalibrationFile.Read(store)[CalibrationFile.LexicalKey];
        Assert.Equal(chosen, stored.MinConfidence, 6);
        var row = rows.Single(r => Math.Abs(r["threshold"]!.GetValue<double>() - chosen) < 1e-9);
        Assert.Equal(row["falseAnswers"]!.GetValue<double>(), stored.FalseAnswers, 4);
        Assert.Equal(30, stored.Answerable);
    }

    [Fact]
    public async Task CalibrateWithAModel_FitsFusionWeightsAndStoresThemBesideTheThreshold()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "TestData");
        var distractors = Path.Combine(work, "distractors.jsonl");
        await File.WriteAllLinesAsync(distractors, File.ReadLines(Path.Combine(data, "gnad10k", "articles.jsonl")).Take(30), TestContext.Current.CancellationToken);
        var store = Path.Combine(work, "data");
        var model = new Dictionary<string, string> { ["Embeddings__Model"] = Path.Combine(AppContext.BaseDirectory, "models", "tiny", "bert") };

        var result = await CliProcess.RunWithEnvironmentAsync(work, model, TestContext.Current.CancellationToken,
            "eval", "--paragraphs", Path.Combine(data, "xquad-en-dev", "paragraphs.jsonl"), "--questions", Path.Combine(data, "xquad-en-dev", "questions.jsonl"),
            "--limit", "20", "--distractors", distractors, "--mode", "hybrid", "--calibrate", "--data", store, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var fusion = JsonNode.Parse(result.Output)!["calibrations"]!.AsArray().Single()!["fusion"]!;
        var rows = fusion["rows"]!.AsArray().Select(r => r!).ToList();
        var chosen = fusion["chosen"]!;
        Assert.Equal(20, fusion["questions"]!.GetValue<int>());
        // The chosen pair is the grid's best, so never below plain RRF or lexical alone on the set it was fitted on.
        Assert.Equal(rows.Max(r => r["mrrAt10"]!.GetValue<double>()), chosen["mrrAt10"]!.GetValue<double>(), 6);
        Assert.True(chosen["mrrAt10"]!.GetValue<double>() >= fusion["lexicalOnly"]!["mrrAt10"]!.GetValue<double>());

        var stored = CalibrationFile.Read(store)["tiny-bert"];
        Assert.Equal(chosen["denseWeight"]!.GetValue<double>(), stored.DenseWeight);
        Assert.Equal(chosen["lexicalWeight"]!.GetValue<double>(), stored.LexicalWeight);
        Assert.Equal(chosen["mrrAt10"]!.GetValue<double>(), stored.FusionMrrAt10!.Value, 4);
    }

    [Fact]
    public async Task CalibrateWithoutDistractors_IsAClearError()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "TestData", "xquad-de-dev");

        var result = await CliProcess.RunAsync(work, TestContext.Current.CancellationToken,
            "eval", "--paragraphs", Path.Combine(data, "paragraphs.jsonl"), "--questions", Path.Combine(data, "questions.jsonl"), "--calibrate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--calibrate needs --distractors", result.Error, StringComparison.Ordinal);
    }
}
