using NewsQA.Core.Answer.Citations;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Answering.Generative.Tests;

public sealed class AnswerLineParserTests
{
    private static readonly RetrievedPassage[] Passages =
    [
        Passage("a", "Erster Satz im Text. Zweiter Satz steht hier."),
        Passage("b", "Ganz andere Nachricht über das Wetter."),
    ];

    [Fact]
    public void Lines_SplitAcrossPushes_YieldSegmentsAsSoonAsComplete()
    {
        var parser = new AnswerLineParser(Passages);
        var line = """{"sentence": "Es gibt zwei Sätze [1].", "quotes": [{"passage": 1, "quote": "Zweiter Satz steht hier."}]}""" + "\n";

        Assert.Empty(parser.Push(line[..20]));
        var done = parser.Push(line[20..]);

        var segment = Assert.Single(done);
        Assert.Equal("Es gibt zwei Sätze.", segment.Text);
        var quote = Assert.Single(segment.Quotes);
        Assert.Equal(("a", "a#0", new TextSpan(21, 45)), (quote.DocumentId, quote.ChunkId, quote.Span!.Value));
    }

    [Fact]
    public void FencedJsonArray_IsReadAtTheEnd()
    {
        var parser = new AnswerLineParser(Passages);
        parser.Push("```json\n[\n  {\"sentence\": \"Wetter [2]\",\n   \"quotes\": [{\"passage\": \"[2]\", \"quote\": \"Ganz andere Nachricht\"}]}\n]\n```");

        var segment = Assert.Single(parser.Complete());

        Assert.Equal("Wetter", segment.Text);
        Assert.Equal("b", Assert.Single(segment.Quotes).DocumentId);
    }

    [Fact]
    public void QuoteOfAPassageThatDoesNotExist_IsNotMapped()
    {
        var parser = new AnswerLineParser(Passages);
        parser.Push("""{"sentence": "Etwas [7].", "quotes": [{"passage": 7, "quote": "Erster Satz"}]}""");

        var segment = Assert.Single(parser.Complete());

        Assert.Empty(segment.Quotes);
        Assert.Equal(2, parser.Unsupported);
    }

    [Fact]
    public void QuoteDifferingInQuotationMarks_MapsToTheOriginalCharacters()
    {
        var chunk = new Chunk("c#0", "c", 0, new TextSpan(10, 40), "Er sagte „Ja“ und ging.");

        var span = QuoteLocator.LocateTolerant(chunk.Text, "sagte \"Ja\" und");

        Assert.Equal("sagte „Ja“ und", chunk.Text[span!.Value.Start..span.Value.End]);
    }

    private static RetrievedPassage Passage(string documentId, string text) =>
        new(new ChunkHit(new Chunk(documentId + "#0", documentId, 0, new TextSpan(0, text.Length), text), new DocumentSummary(documentId, documentId, null, null, null, 1), 1), 1, null, 1, null);
}
