using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Query;

namespace NewsQA.Core.Tests.Search.Query;

/// <summary>
/// Issue 33 item 18: what a long history may cost is bounded. The rewriter without a model looks at a bounded number
/// of words of the last user turn and adds a bounded number of them to the query, however long the turn is; the
/// analyzer calls are counted on the real German analyzer (a counting wrapper, no fake analysis).
/// </summary>
public sealed class HistoryBoundTests : IDisposable
{
    private readonly LuceneTermAnalyzer german = new();

    public void Dispose() => german.Dispose();

    [Fact]
    public async Task LongHistory_CostsAsMuchAsAShortOne()
    {
        var words = Enumerable.Range(0, 700).Select(i => $"Wort{i}gebiet").ToArray();
        var turn = string.Join(' ', words)[..4000];
        var history = Enumerable.Range(0, 20).Select(i => new ChatTurn(i % 2 == 0 ? ChatRole.User : ChatRole.Assistant, turn)).ToList();
        var counting = new CountingAnalyzer(german);

        var rewritten = await new KeyTermQueryRewriter(counting).RewriteAsync("Und wann?", history, TestContext.Current.CancellationToken);

        var added = rewritten["Und wann?".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(added.Length, 1, KeyTermQueryRewriter.MaxKeyWords);
        // The question's own analysis takes a few calls; each examined word one.
        Assert.InRange(counting.Calls, 1, KeyTermQueryRewriter.MaxWordsExamined + 5);
    }

    [Fact]
    public async Task ShortTurn_KeepsItsTopic()
    {
        var history = new[] { new ChatTurn(ChatRole.User, "Wer ist Gideon Saar?") };

        var rewritten = await new KeyTermQueryRewriter(german).RewriteAsync("Und wann?", history, TestContext.Current.CancellationToken);

        Assert.Equal("Und wann? Gideon Saar", rewritten);
    }

    private sealed class CountingAnalyzer(ITermAnalyzer inner) : ITermAnalyzer
    {
        public int Calls { get; private set; }

        public IReadOnlyList<string> Analyze(string text)
        {
            Calls++;
            return inner.Analyze(text);
        }
    }
}
