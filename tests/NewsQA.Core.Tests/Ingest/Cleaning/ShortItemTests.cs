using CsCheck;
using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Ingest.Cleaning;

namespace NewsQA.Core.Tests.Ingest.Cleaning;

/// <summary>
/// Short items lose nothing: a one-line breaking-news item without a final period is a document whose title
/// and text are that line, and a short last line after a sentence stays in the text.
/// </summary>
public sealed class ShortItemTests
{
    private static readonly Gen<string> Word = Gen.OneOf<string>("Erdbeben", "Tokio", "Stärke", "Bahn", "Streik", "Regierung", "x", "Bayern", "Wahl", "7", "erschüttert", "meldet", "neue");

    private static readonly Gen<string> Line = Word.Array[1, 9].Select(w => string.Join(' ', w));

    [Fact]
    public void OneLineBreakingNewsIsTitleAndText()
    {
        var cleaned = ArticleCleaner.Clean("Eilmeldung: Erdbeben der Stärke 7 erschüttert Tokio");

        Assert.Equal("Eilmeldung: Erdbeben der Stärke 7 erschüttert Tokio", cleaned.Title);
        Assert.Equal("Eilmeldung: Erdbeben der Stärke 7 erschüttert Tokio", cleaned.Text);
    }

    [Fact]
    public void ShortLastLineAfterASentenceIsKept()
    {
        var cleaned = ArticleCleaner.Clean("Ein Satz hier.\nx");
        var chunks = new SentenceChunker(new ChunkingOptions()).Chunk("d", cleaned.Text);

        Assert.EndsWith("x", cleaned.Text, StringComparison.Ordinal);
        Assert.Contains(chunks, c => c.Text.EndsWith('x'));
    }

    [Fact]
    public void AnyUnpunctuatedLineAloneIsItsOwnText()
    {
        Line.Sample(line =>
        {
            var cleaned = ArticleCleaner.Clean(line);
            Assert.Equal(line, cleaned.Text);
        }, iter: 500);
    }

    [Fact]
    public void EveryWordOfSentencesAndATrailingFragmentSurvivesCleaningAndChunking()
    {
        Gen.Select(Line.Array[1, 4], Line).Sample((sentences, fragment) =>
        {
            var raw = string.Join(' ', sentences.Select(s => s + ".")) + "\n" + fragment;
            var cleaned = ArticleCleaner.Clean(raw);
            var chunks = new SentenceChunker(new ChunkingOptions()).Chunk("d", cleaned.Text);
            var chunked = string.Join(' ', chunks.Select(c => c.Text));
            foreach (var word in raw.Split([' ', '\n', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.Contains(word, cleaned.Text, StringComparison.Ordinal);
                Assert.Contains(word, chunked, StringComparison.Ordinal);
            }

            Assert.EndsWith(fragment, cleaned.Text, StringComparison.Ordinal);
        }, iter: 500);
    }
}
