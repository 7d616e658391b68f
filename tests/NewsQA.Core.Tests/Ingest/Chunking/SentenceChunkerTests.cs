using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Ingest.Chunking;

public sealed class SentenceChunkerTests
{
    private static readonly string Article = string.Join("\n\n", Enumerable.Range(1, 12).Select(p =>
        string.Join(' ', Enumerable.Range(1, 4).Select(s => $"Absatz {p} hat den Satz {s} mit etwas Inhalt über Drohnen und Diplomatie."))));

    [Fact]
    public void EveryChunk_IsItsSpanOfTheText()
    {
        var chunks = new SentenceChunker(new ChunkingOptions()).Chunk("doc", Article);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.Equal(c.Text, c.Span.Slice(Article)));
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Index));
        Assert.All(chunks, c => Assert.Equal($"doc#{c.Index}", c.Id));
    }

    [Fact]
    public void Chunks_CoverEverySentenceAndOnlyWholeSentences()
    {
        var chunks = new SentenceChunker(new ChunkingOptions()).Chunk("doc", Article);
        var sentences = SentenceSplitter.Split(Article);

        Assert.All(sentences, s => Assert.Contains(chunks, c => c.Span.Contains(s)));
        Assert.All(chunks, c =>
        {
            Assert.Contains(sentences, s => s.Start == c.Span.Start);
            Assert.Contains(sentences, s => s.End == c.Span.End);
        });
    }

    [Fact]
    public void Chunks_RespectMaxCharsAndOverlapBySentence()
    {
        var options = new ChunkingOptions { TargetChars = 200, MaxChars = 300, MinCharsBeforeParagraphBreak = 1000, OverlapSentences = 1 };
        var text = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Das ist der Satz Nummer {i} im Text."));

        var chunks = new SentenceChunker(options).Chunk("doc", text);

        Assert.All(chunks, c => Assert.True(c.Text.Length <= options.MaxChars));
        for (var i = 1; i < chunks.Count; i++)
        {
            // Each chunk starts inside the previous one: one sentence of overlap.
            Assert.True(chunks[i].Span.Start < chunks[i - 1].Span.End, $"chunk {i} does not overlap its predecessor");
            Assert.True(chunks[i].Span.Start > chunks[i - 1].Span.Start);
        }
    }

    [Fact]
    public void SentenceLongerThanMax_IsCutAtSpaces()
    {
        var options = new ChunkingOptions { TargetChars = 100, MaxChars = 200 };
        var text = string.Join(' ', Enumerable.Repeat("Wort", 300)) + ".";

        var chunks = new SentenceChunker(options).Chunk("doc", text);

        Assert.True(chunks.Count >= 7);
        Assert.All(chunks, c => Assert.True(c.Text.Length <= 200));
        Assert.All(chunks, c => Assert.Equal(c.Text, c.Span.Slice(text)));
        Assert.All(chunks, c => Assert.False(c.Text.StartsWith(' ') || c.Text.EndsWith(' ')));
    }

    [Fact]
    public void HardCut_NeverSplitsASurrogatePair()
    {
        var options = new ChunkingOptions { TargetChars = 100, MaxChars = 201 };
        var text = string.Concat(Enumerable.Repeat("😀", 500));

        var chunks = new SentenceChunker(options).Chunk("doc", text);

        Assert.All(chunks, c =>
        {
            Assert.False(char.IsLowSurrogate(c.Text[0]));
            Assert.False(char.IsHighSurrogate(c.Text[^1]));
        });
        Assert.Equal(text, string.Concat(chunks.Select(c => c.Text)));
    }

    [Fact]
    public void ParagraphBreak_EndsAChunkOnceItIsBigEnough()
    {
        var options = new ChunkingOptions { TargetChars = 5000, MaxChars = 10000, MinCharsBeforeParagraphBreak = 100, OverlapSentences = 1 };

        var chunks = new SentenceChunker(options).Chunk("doc", Article);

        // Each paragraph (~270 chars) is long enough to stand alone, so chunks follow paragraphs without overlap.
        Assert.Equal(12, chunks.Count);
        Assert.All(chunks, c => Assert.DoesNotContain("\n", c.Text, StringComparison.Ordinal));
    }
}
