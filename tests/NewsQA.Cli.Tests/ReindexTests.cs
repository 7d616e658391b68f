namespace NewsQA.Cli.Tests;

/// <summary>Changing the embedding model: refused until `newsqa reindex` re-embeds, then dense search works again.</summary>
public sealed class ReindexTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("newsqa-reindex-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

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
}
