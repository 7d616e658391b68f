namespace NewsQA.Embeddings.Onnx;

/// <summary>
/// Whether dense embeddings are available, for <c>/health/ready</c> and the start-up log. Always registered by
/// <see cref="OnnxEmbeddingServiceCollectionExtensions.AddOnnxEmbeddings"/>; when <see cref="Available"/> is false
/// nothing else is, and search runs lexical-only.
/// </summary>
public sealed record EmbeddingStatus(bool Available, string Message, string? ModelId = null, string? ModelPath = null)
{
    public static EmbeddingStatus Ready(string modelId, string modelPath, int dimensions) =>
        new(true, $"dense embeddings: {modelId} ({dimensions} dimensions) at {modelPath}", modelId, modelPath);

    public static EmbeddingStatus LexicalOnly(string problem, string modelPath) =>
        new(false, $"lexical-only: {problem}", null, modelPath);
}
