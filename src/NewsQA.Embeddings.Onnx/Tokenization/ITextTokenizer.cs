namespace NewsQA.Embeddings.Onnx.Tokenization;

/// <summary>
/// Turns a text into the model's input ids, sequence markers included (<c>[CLS] … [SEP]</c> or <c>&lt;s&gt; … &lt;/s&gt;</c>),
/// cut to <see cref="MaxTokens"/>. Implementations are safe to call from several threads at once.
/// </summary>
public interface ITextTokenizer
{
    /// <summary>Longest sequence the model accepts, markers included; longer texts are truncated (their end is dropped).</summary>
    int MaxTokens { get; }

    /// <summary>The id used to pad shorter sequences of a batch (masked out by the attention mask).</summary>
    long PaddingId { get; }

    IReadOnlyList<int> Encode(string text);
}
