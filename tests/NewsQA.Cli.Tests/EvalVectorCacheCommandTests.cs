using System.Text.Json.Nodes;
using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>
/// `newsqa eval --vector-cache DIR`: a second eval with the same model embeds nothing and scores the same; an eval that
/// ingests more than once shares one cache between its ingests even without the option.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class EvalVectorCacheCommandTests : IDisposable
{
    private readonly TempFolder work = new("newsqa-eval-cache-");

    public void Dispose() => work.Dispose();

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

    [Fact]
    public async Task WithoutGold_EmbedsTheDistractorsOnce_WithoutAskingForACache_AndLeavesNoFolderBehind()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Path.Combine(AppContext.BaseDirectory, "TestData", "xquad-en-dev");
        // Questions of the first two articles: one in each fold, so each fold ingests its own paragraphs plus the same distractors.
        var questions = Path.Combine(work, "questions.jsonl");
        await File.WriteAllLinesAsync(questions, File.ReadLines(Path.Combine(data, "questions.jsonl"))
            .Where(l => l.Contains("\"xquad-en-0-", StringComparison.Ordinal) || l.Contains("\"xquad-en-1-", StringComparison.Ordinal)), ct);
        const int DistractorCount = 40;
        var distractors = Path.Combine(work, "distractors.jsonl");
        await File.WriteAllLinesAsync(distractors, File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "gnad10k", "articles.jsonl")).Take(DistractorCount), ct);
        var temp = Directory.CreateDirectory(Path.Combine(work, "tmp")).FullName;
        var environment = new Dictionary<string, string>
        {
            ["Embeddings__Model"] = Path.Combine(AppContext.BaseDirectory, "models", "tiny", "bert"),
            ["TMPDIR"] = temp,
        };

        var run = await CliProcess.RunWithEnvironmentAsync(work, environment, ct, "eval", "--paragraphs", Path.Combine(data, "paragraphs.jsonl"),
            "--questions", questions, "--distractors", distractors, "--without-gold", "--mode", "dense", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var folds = AllCacheCounts(run.Error);
        Assert.Equal(2, folds.Count);
        // The second fold meets the first fold's distractors again: each has at least one passage, read, not embedded.
        Assert.True(folds[1].Hits - folds[0].Hits >= DistractorCount, run.Error);
        Assert.True(folds[1].Embedded < folds[0].Embedded, run.Error);
        // The temporary cache (and each fold's data directory) is gone; other tools' files in TMPDIR are not ours to judge.
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp, "newsqa-*"));
    }

    private static (int Hits, int Embedded) CacheCounts(string error)
    {
        var counts = AllCacheCounts(error);
        Assert.True(counts.Count > 0, error);
        return counts[0];
    }

    /// <summary>The "vector cache:" line of each ingest, in order.</summary>
    private static List<(int Hits, int Embedded)> AllCacheCounts(string error) =>
        [.. System.Text.RegularExpressions.Regex.Matches(error, @"vector cache: (\d+) texts from the cache, (\d+) embedded")
            .Select(m => (Number(m.Groups[1].Value), Number(m.Groups[2].Value)))];

    private static int Number(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The dense run's figures without its wall time.</summary>
    private static string DenseRun(string output)
    {
        var run = JsonNode.Parse(output)!["runs"]!.AsArray().Single(r => r!["mode"]!.GetValue<string>() == "dense")!.AsObject();
        run.Remove("seconds");
        return run.ToJsonString();
    }
}
