using NewsQA.Core.Answer.Citations;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Tests.Answer.Extractive;

public sealed class CitationLocateTests
{
    private static readonly NewsDocument Document = new("d", "T", null, null, null, "Erster Satz. Zweiter Satz mit 👩‍👩‍👧 Emoji. Erster Satz.", "h");

    [Fact]
    public void QuoteAtItsSpan_IsKept()
    {
        var quote = "Zweiter Satz mit 👩‍👩‍👧 Emoji.";
        var start = Document.Text.IndexOf(quote, StringComparison.Ordinal);

        var span = QuoteLocator.Locate(Document.Text, quote, new TextSpan(start, start + quote.Length));

        Assert.Equal(new TextSpan(start, start + quote.Length), span);
    }

    [Fact]
    public void QuoteWithWrongSpan_IsRelocatedWhenItOccurs()
    {
        var span = QuoteLocator.Locate(Document.Text, "Zweiter Satz", new TextSpan(0, 12));

        Assert.NotNull(span);
        Assert.Equal("Zweiter Satz", span.Value.Slice(Document.Text));
    }

    [Fact]
    public void QuoteWithinChunk_PrefersTheChunksOccurrence()
    {
        var secondStart = Document.Text.LastIndexOf("Erster Satz.", StringComparison.Ordinal);

        var span = QuoteLocator.Locate(Document.Text, "Erster Satz.", region: new TextSpan(secondStart - 5, Document.Text.Length));

        Assert.Equal(secondStart, span!.Value.Start);
    }

    [Theory]
    [InlineData("Dritter Satz.")]
    [InlineData("zweiter satz")]
    [InlineData("")]
    public void QuoteNotInTheText_IsRejected(string quote) =>
        Assert.Null(QuoteLocator.Locate(Document.Text, quote));
}
