using Microsoft.ML.Tokenizers;

namespace NewsQA.Embeddings.Onnx.Tokenization;

/// <summary>
/// XLM-R SentencePiece (<c>sentencepiece.bpe.model</c>) with fairseq's ids, which is what XLM-R-based models
/// (multilingual E5) were trained on: <c>&lt;s&gt;</c>=0, <c>&lt;pad&gt;</c>=1, <c>&lt;/s&gt;</c>=2, <c>&lt;unk&gt;</c>=3,
/// every other SentencePiece id + 1 (SentencePiece's own unknown, id 0, becomes 3). Sequences are <c>&lt;s&gt; … &lt;/s&gt;</c>.
/// </summary>
public sealed class SentencePieceTextTokenizer : ITextTokenizer
{
    public const int BeginId = 0;
    public const int PadId = 1;
    public const int EndId = 2;
    public const int UnknownId = 3;

    // fairseq put its four specials first and shifted the SentencePiece vocabulary by one.
    private const int FairseqOffset = 1;

    private readonly SentencePieceTokenizer _tokenizer;

    private SentencePieceTextTokenizer(SentencePieceTokenizer tokenizer, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
        _tokenizer = tokenizer;
        MaxTokens = maxTokens;
    }

    public int MaxTokens { get; }

    public long PaddingId => PadId;

    public static SentencePieceTextTokenizer FromModel(string modelPath, int maxTokens)
    {
        using var stream = File.OpenRead(modelPath);
        // The markers are added here, in fairseq ids, so SentencePiece must not add its own.
        var tokenizer = SentencePieceTokenizer.Create(stream, false, false);
        return new SentencePieceTextTokenizer(tokenizer, maxTokens);
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> Encode(string text)
    {
        var pieces = _tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false);
        var length = Math.Min(pieces.Count, MaxTokens - 2);
        var ids = new List<int>(length + 2) { BeginId };
        for (var i = 0; i < length; i++)
        {
            var id = pieces[i];
            ids.Add(id == _tokenizer.UnknownId ? UnknownId : id + FairseqOffset);
        }

        ids.Add(EndId);
        return ids;
    }
}
