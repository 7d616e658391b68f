using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>Changing the embedding model or the chunking: refused or warned about until `newsqa reindex` redoes the stored documents.</summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class ReindexTests : IDisposable
{
    private readonly TempFolder work = new("newsqa-reindex-");

    public void Dispose() => work.Dispose();

    private static Dictionary<string, string> Model(string name) =>
        new() { ["Embeddings__Model"] = Path.Combine(AppContext.BaseDirectory, "models", "tiny", name) };

    [Fact]
    public async Task ModelChange_IsRefusedUntilReindex()
    {
        var ct = TestContext.Current.CancellationToken;
        var seeds = Path.Combine(AppContext.BaseDirectory, "seeds");
        var ingest = await CliProcess.RunWithEnvironmentAsync(work, Model("bert"), ct, "ingest", seeds);

        var refused = await CliProcess.RunWithEnvironmentAsync(work, Model("xlmr"), ct, "search", "Drohnen", "--mode", "dense");
        var reindex = await CliProcess.RunWithEnvironmentAsync(work, Model("xlmr"), ct, "reindex");
        var dense = await CliProcess.RunWithEnvironmentAsync(work, Model("xlmr"), ct, "search", "Drohnen", "--mode", "dense", "--top", "3");

        Assert.Equal(0, ingest.ExitCode);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("newsqa reindex", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, reindex.ExitCode);
        Assert.Contains("reindexed 5 document(s)", reindex.Output, StringComparison.Ordinal);
        Assert.Equal(0, dense.ExitCode);
        Assert.Contains("3 result(s), mode dense", dense.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Ingest skips unchanged content, so documents ingested before a change of the Chunking settings keep their old
    /// passages: every command says so until reindex re-chunks them, and a store chunked as configured says nothing.
    /// </summary>
    [Fact]
    public async Task ChunkingChange_IsWarnedAboutUntilReindex()
    {
        var ct = TestContext.Current.CancellationToken;
        var seeds = Path.Combine(AppContext.BaseDirectory, "seeds");
        var small = new Dictionary<string, string> { ["Chunking__TargetChars"] = "300" };
        var ingest = await CliProcess.RunWithEnvironmentAsync(work, small, ct, "ingest", seeds);
        var sameSettings = await CliProcess.RunWithEnvironmentAsync(work, small, ct, "search", "Drohnen");

        var changed = await CliProcess.RunAsync(work, ct, "search", "Drohnen");
        var reindex = await CliProcess.RunAsync(work, ct, "reindex");
        var after = await CliProcess.RunAsync(work, ct, "search", "Drohnen");

        Assert.Equal(0, ingest.ExitCode);
        Assert.DoesNotContain("Chunking:", sameSettings.Error, StringComparison.Ordinal);
        Assert.Equal(0, changed.ExitCode);
        Assert.Contains("Chunking: 5 of 5 sampled documents", changed.Error, StringComparison.Ordinal);
        Assert.Contains("newsqa reindex", changed.Error, StringComparison.Ordinal);
        Assert.Equal(0, reindex.ExitCode);
        Assert.DoesNotContain("Chunking:", after.Error, StringComparison.Ordinal);
        Assert.Equal(0, after.ExitCode);
    }

    /// <summary>
    /// `reindex --lexical` rebuilds the lexical index from the stored documents alone: the same search answers the same
    /// passages before and after, and every index file is written anew.
    /// </summary>
    [Fact]
    public async Task ReindexLexical_RebuildsTheLexicalIndex_AndSearchAnswersAsBefore()
    {
        var ct = TestContext.Current.CancellationToken;
        var seeds = Path.Combine(AppContext.BaseDirectory, "seeds");
        var ingest = await CliProcess.RunAsync(work, ct, "ingest", seeds);
        var before = await CliProcess.RunAsync(work, ct, "search", "Drohnen Ukraine", "--json");
        var rebuiltAfter = DateTime.UtcNow;

        var rebuild = await CliProcess.RunAsync(work, ct, "reindex", "--lexical");
        var after = await CliProcess.RunAsync(work, ct, "search", "Drohnen Ukraine", "--json");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(0, rebuild.ExitCode);
        Assert.Contains("rebuilt the lexical index from 5 document(s)", rebuild.Output, StringComparison.Ordinal);
        Assert.Contains("documentId", before.Output, StringComparison.Ordinal);
        Assert.Equal(Passages(before.Output), Passages(after.Output));
        Assert.All(Directory.GetFiles(Path.Combine(work, "data", "lexical")).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)), f => Assert.True(File.GetLastWriteTimeUtc(f) >= rebuiltAfter, $"{Path.GetFileName(f)} was not rewritten"));
    }

    private static List<string> Passages(string json) =>
        [.. System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("results").EnumerateArray()
            .Select(r => $"{r.GetProperty("documentId").GetString()}@{r.GetProperty("span").GetProperty("start").GetInt32()}")];
}
