using Microsoft.ML.Tokenizers;

namespace NewsQA.Embeddings.Onnx.Tokenization;

/// <summary>BERT WordPiece from a <c>vocab.txt</c>: <c>[CLS] pieces… [SEP]</c>.</summary>
public sealed class WordPieceTextTokenizer : ITextTokenizer
{
    private readonly BertTokenizer _tokenizer;

    private WordPieceTextTokenizer(BertTokenizer tokenizer, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
        _tokenizer = tokenizer;
        MaxTokens = maxTokens;
    }

    public int MaxTokens { get; }

    public long PaddingId => _tokenizer.PaddingTokenId;

    public static WordPieceTextTokenizer FromVocabulary(string vocabPath, int maxTokens, bool lowerCase = true)
    {
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = lowerCase,
            // Uncased BERT vocabularies strip accents along with lower-casing; cased ones keep them.
            RemoveNonSpacingMarks = lowerCase,
        };
        return new WordPieceTextTokenizer(BertTokenizer.Create(vocabPath, options), maxTokens);
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> Encode(string text)
    {
        var pieces = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        var length = Math.Min(pieces.Count, MaxTokens - 2);
        var ids = new List<int>(length + 2) { _tokenizer.ClassificationTokenId };
        for (var i = 0; i < length; i++)
        {
            ids.Add(pieces[i]);
        }

        ids.Add(_tokenizer.SeparatorTokenId);
        return ids;
    }
}
