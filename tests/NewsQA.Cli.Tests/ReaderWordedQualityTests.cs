using System.Text.Json.Nodes;
using NewsQA.Testing;
using NewsQA.Testing.Models;

namespace NewsQA.Cli.Tests;

/// <summary>
/// `newsqa eval` on both kinds of question at once (issue 32): XQuAD's own, which copy the paragraph's words, and the
/// reader-worded sets about the same paragraphs. One ingest, both sets, reported apart; with a real model hybrid must
/// be at least as good as the better of lexical and dense on each kind (MRR@10 and R@5, tolerance .005), and a model
/// folder without declared languages must not drag German questions below lexical.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(RealModelEvals.Name)]
public sealed class ReaderWordedQualityTests(RealModelEvals.VectorCache vectors) : IDisposable
{
    private const double Tolerance = 0.005;

    private readonly TempFolder work = new("newsqa-eval-reader-");

    public void Dispose() => work.Dispose();

    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    private Task<(string Output, JsonNode Report)> EvalAsync(string language, Dictionary<string, string> environment, params string[] modes) =>
        EvalAsync(language, environment, archive: false, modes);

    /// <param name="archive">
    /// With the 1,028 10kGNAD distractors: the archive scale the fusion guarantee is stated for. Those evals score
    /// retrieval only (<c>--retrieval-only</c>): what they assert is where the gold ranks, and a model weighing every
    /// candidate sentence of every answer was about half of each of these evals.
    /// </param>
    private async Task<(string Output, JsonNode Report)> EvalAsync(string language, Dictionary<string, string> environment, bool archive, params string[] modes)
    {
        string[] distractors = archive ? ["--distractors", Data("gnad10k", "articles.jsonl"), "--retrieval-only"] : [];
        string[] cache = environment.ContainsKey("Embeddings__Model") ? ["--vector-cache", vectors.Path] : [];
        var result = await CliProcess.RunWithEnvironmentAsync(work, environment, TestContext.Current.CancellationToken,
            ["eval", "--paragraphs", Data($"xquad-{language}-dev", "paragraphs.jsonl"),
             "--questions", Data($"xquad-{language}-dev", "questions.jsonl"), Data($"reader-{language}-dev", "questions.jsonl"),
             .. distractors, .. cache, "--mode", .. modes, "--json"]);
        Assert.Equal(0, result.ExitCode);
        return (result.Output, JsonNode.Parse(result.Output)!);
    }

    /// <summary>A NewsQA run's figures on one question set.</summary>
    private static JsonNode Figures(JsonNode report, string mode, string set) =>
        report["runs"]!.AsArray().First(r => r!["system"]!.GetValue<string>() == "newsqa" && r["mode"]!.GetValue<string>() == mode)!["sets"]![set]!;

    private static double Get(JsonNode figures, string metric) => figures[metric]!.GetValue<double>();

    [Fact]
    public async Task BothSetsInOneEval_AreReportedApart_WithTheirWordingOverlap()
    {
        var (output, report) = await EvalAsync("de", new Dictionary<string, string> { ["Answer__MinConfidence"] = "0.40" }, "lexical");

        var sets = report["questionSets"]!.AsArray().ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!);
        Assert.Equal(632, sets["xquad-de-dev"]["questions"]!.GetValue<int>());
        Assert.True(sets["reader-de-dev"]["questions"]!.GetValue<int>() >= 300, output);
        Assert.True(sets["reader-de-dev"]["wordingOverlap"]!.GetValue<double>() <= 0.35, output);
        Assert.True(sets["xquad-de-dev"]["wordingOverlap"]!.GetValue<double>() > 0.35, output);

        // The kinds differ as the issue describes: the words find XQuAD's gold far more often than the reader's.
        Assert.True(Get(Figures(report, "lexical", "xquad-de-dev"), "mrr@10") > Get(Figures(report, "lexical", "reader-de-dev"), "mrr@10") + 0.2, output);
    }

    public static TheoryData<string> RealModelIds() => new(RealModels.All.Select(m => m.Id));

    [Theory]
    [MemberData(nameof(RealModelIds))]
    public async Task EnglishWithARealModel_HybridIsAtLeastTheBetterHalf_OnBothKindsOfQuestion(string id)
    {
        var environment = new Dictionary<string, string>
        {
            ["Embeddings__Model"] = RealModels.All.Single(m => m.Id == id).Folder,
            ["Answer__MinConfidence"] = "0.40",
        };

        // Archive scale, as the guarantee is stated: on the 120 dev paragraphs alone dense finds reader-worded questions'
        // articles so easily (MiniLM MRR@10 .868) that the shipped shares, fitted at archive scale, fall below it (.823).
        var (output, report) = await EvalAsync("en", environment, archive: true, "lexical", "dense", "hybrid");

        foreach (var set in new[] { "xquad-en-dev", "reader-en-dev" })
        {
            foreach (var metric in new[] { "mrr@10", "recall@5" })
            {
                var better = Math.Max(Get(Figures(report, "lexical", set), metric), Get(Figures(report, "dense", set), metric));
                Assert.True(Get(Figures(report, "hybrid", set), metric) >= better - Tolerance, $"{set} {metric}: {output}");
            }
        }
    }

    [Fact]
    public async Task GermanWithAModelFolderWithoutDeclaredLanguages_HybridStaysWithLexical()
    {
        // Bring your own model: all-MiniLM-L6-v2 (English) in a folder whose manifest declares no languages, so only the
        // data can tell that its German ranking is noise (DenseAgreement).
        var folder = Path.Combine(work, "byo-model");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RealModels.MiniLm.Folder))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!.AsObject();
        manifest.Remove("languages");
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());

        var (output, report) = await EvalAsync("de", new Dictionary<string, string> { ["Embeddings__Model"] = folder, ["Answer__MinConfidence"] = "0.40" }, archive: true, "lexical", "hybrid");

        foreach (var set in new[] { "xquad-de-dev", "reader-de-dev" })
        {
            foreach (var metric in new[] { "mrr@10", "recall@5" })
            {
                Assert.True(Get(Figures(report, "hybrid", set), metric) >= Get(Figures(report, "lexical", set), metric) - Tolerance, $"{set} {metric}: {output}");
            }
        }
    }
}
