using NewsQA.Embeddings.Onnx.Tokenization;

namespace NewsQA.Embeddings.Onnx.Tests.Tokenization;

public sealed class TokenizerTests
{
    private static WordPieceTextTokenizer Bert(int maxTokens = TinyModels.MaxTokens) =>
        WordPieceTextTokenizer.FromVocabulary(Path.Combine(TinyModels.Bert, "vocab.txt"), maxTokens);

    private static SentencePieceTextTokenizer Xlmr(int maxTokens = TinyModels.MaxTokens) =>
        SentencePieceTextTokenizer.FromModel(Path.Combine(TinyModels.Xlmr, "sentencepiece.bpe.model"), maxTokens);

    [Theory]
    [MemberData(nameof(ReferenceTokens.WordPiece), MemberType = typeof(ReferenceTokens))]
    public void WordPiece_MatchesReferenceIds(string text, int[] expected)
    {
        Assert.Equal(expected, Bert().Encode(text));
    }

    [Theory]
    [MemberData(nameof(ReferenceTokens.SentencePiece), MemberType = typeof(ReferenceTokens))]
    public void SentencePiece_MatchesReferenceFairseqIds(string text, int[] expected)
    {
        Assert.Equal(expected, Xlmr().Encode(text));
    }

    [Fact]
    public void SentencePiece_MapsKnownPiecesByFairseqOffset()
    {
        // Hand-derived from the script's piece list: "▁Berlin" is SPM_WORDS[11], so SentencePiece id 3 + 11 = 14,
        // fairseq id 15; "▁" alone is SPM_CHARS[0], id 3 + 21 words = 24, fairseq 25; an unknown character is SentencePiece id 0, fairseq <unk> = 3.
        Assert.Equal([0, 15, 2], Xlmr().Encode("Berlin"));
        Assert.Equal([0, 25, 3, 2], Xlmr().Encode("€"));
    }

    [Fact]
    public void WordPiece_UsesBertMarkersAndPadding()
    {
        // vocab.txt starts [PAD], [UNK], [CLS], [SEP]: ids 0..3.
        var tokenizer = Bert();
        Assert.Equal([2, 3], tokenizer.Encode(""));
        Assert.Equal(0, tokenizer.PaddingId);
    }

    [Fact]
    public void WordPiece_DropsCurrencySymbols_WhereBertWouldSayUnknown()
    {
        // A known divergence of Microsoft.ML.Tokenizers 2.0.1 from BERT's reference tokenizer, which keeps "€"
        // (Unicode Sc, not punctuation) as a word and maps it to [UNK]. Pinned here so an upgrade that changes it shows up.
        Assert.Equal([2, 37, 38, 3], Bert().Encode("a € b"));
    }

    [Fact]
    public void LongTexts_AreCutToMaxTokens_KeepingTheEndMarker()
    {
        var text = string.Join(' ', Enumerable.Repeat("Berlin", 100));

        var bert = Bert(maxTokens: 10).Encode(text);
        var xlmr = Xlmr(maxTokens: 10).Encode(text);

        Assert.Equal(10, bert.Count);
        Assert.Equal(3, bert[^1]);
        Assert.Equal(10, xlmr.Count);
        Assert.Equal(SentencePieceTextTokenizer.EndId, xlmr[^1]);
        Assert.All(xlmr.Skip(1).Take(8), id => Assert.Equal(15, id));
    }
}
