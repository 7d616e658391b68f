using NewsQA.Api.Setup;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Setup;

/// <summary>
/// docs/configuration.md stays true: its key table lists every key the start-up check knows (the API's rules, which
/// include the CLI's), and nothing the check does not know, so a new option cannot ship undocumented and a removed
/// one cannot linger in the table.
/// </summary>
public sealed class ConfigurationDocsTests
{
    private static readonly string DocPath = Path.Combine(RepoPaths.Root, "docs", "configuration.md");

    [Fact]
    public void EveryCheckedKeyIsInTheTable()
    {
        var documented = DocumentedKeys();

        var missing = ApiConfigurationRules.Check().Keys.Where(k => !documented.Contains(k, StringComparer.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "docs/configuration.md does not list: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryKeyInTheTableIsChecked()
    {
        var known = ApiConfigurationRules.Check().Keys;

        var unknown = DocumentedKeys().Where(k => !known.Contains(k, StringComparer.Ordinal)).ToList();

        Assert.True(unknown.Count == 0, "docs/configuration.md lists keys the configuration check does not know: " + string.Join(", ", unknown));
    }

    [Fact]
    public void EveryKeyIsInTheTableOnce()
    {
        var twice = DocumentedKeys().GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(twice.Count == 0, "docs/configuration.md lists more than once: " + string.Join(", ", twice));
    }

    /// <summary>The first cell of each row of the table headed <c>| key | default | meaning |</c>, without its backticks.</summary>
    private static List<string> DocumentedKeys()
    {
        var lines = File.ReadAllLines(DocPath);
        var header = Array.FindIndex(lines, l => l.Replace(" ", "", StringComparison.Ordinal).StartsWith("|key|default|meaning|", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/configuration.md has no table headed | key | default | meaning |");

        var keys = lines.Skip(header + 2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|')[1].Trim().Trim('`'))
            .ToList();
        Assert.NotEmpty(keys);
        return keys;
    }
}
