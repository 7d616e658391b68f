using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>The CLI checks configuration like the API: one line naming the key, exit 2, no stack trace; empty means unset.</summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class CliConfigurationTests : IDisposable
{
    private readonly TempFolder work = new("newsqa-cli-config-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => work.Dispose();

    [Theory]
    [InlineData("Embeddings__BatchSize", "0", "Embeddings:BatchSize must be a whole number from 1 to 1024, got '0'")]
    [InlineData("Store__Provider", "foo", "Store:Provider must be 'Embedded' or 'Qdrant', got 'foo'")]
    [InlineData("Data__Path", " ", "Data:Path is only spaces")]
    [InlineData("Chunking__MaxChars", "viel", "Chunking:MaxChars must be a whole number")]
    [InlineData("Logging__LogLevel__Default", "Verbose", "Logging:LogLevel:Default must be one of Trace, Debug, Information, Warning, Error, Critical or None, got 'Verbose'")]
    [InlineData("Embeddings__AutoPull", "maybe", "Embeddings:AutoPull must be true or false, got 'maybe'")]
    [InlineData("Embeddings__WatchInterval", "00:00:00", "Embeddings:WatchInterval")]
    [InlineData("Embeddings__BackfillPause", "-00:00:05", "Embeddings:BackfillPause")]
    public async Task MistakeIsOneLineNamingTheKey(string variable, string value, string expected)
    {
        var result = await CliProcess.RunWithEnvironmentAsync(work, new Dictionary<string, string> { [variable] = value }, Ct, "search", "Bahn");

        Assert.Equal(2, result.ExitCode);
        var lines = (result.Output + result.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.Output + result.Error);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Issue 33 item 19: a value an option cannot take is one line naming the option, exit 2, no .NET type name.</summary>
    [Theory]
    [InlineData("search", "Bahn", "--top", "99999999999", "--top must be a whole number")]
    [InlineData("search", "Bahn", "--top", "viele", "--top must be a whole number")]
    [InlineData("ask", "Wer?", "--top", "1.5", "--top must be a whole number")]
    public async Task OptionValueOfTheWrongKind_IsOneLineNamingTheOption(string command, string text, string option, string value, string expected)
    {
        var result = await CliProcess.RunAsync(work, Ct, command, text, option, value, "--data", "data");

        Assert.Equal(2, result.ExitCode);
        var lines = (result.Output + result.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.Output + result.Error);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("System.", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyModelMeansUnset()
    {
        var result = await CliProcess.RunWithEnvironmentAsync(work, new Dictionary<string, string> { ["Embeddings__Model"] = string.Empty }, Ct, "search", "Bahn", "--data", "data");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
