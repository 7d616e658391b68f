using NewsQA.Core.Ingest.Chunking;

namespace NewsQA.Embeddings.Onnx.Tokenization;

/// <summary>
/// Chunking's view of the model window, measured with the model's own tokenizer on the text as it will be
/// embedded (passage prefix included). A sequence that reaches the window exactly counts as not fitting: the
/// tokenizer truncates at that length, so "exactly full" and "cut" cannot be told apart.
/// </summary>
public sealed class TokenizerPassageWindow(ITextTokenizer tokenizer, string? passagePrefix) : IPassageWindow
{
    public bool Fits(string passage) => tokenizer.Encode((passagePrefix ?? string.Empty) + passage).Count < tokenizer.MaxTokens;
}
