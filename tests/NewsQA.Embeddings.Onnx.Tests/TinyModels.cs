namespace NewsQA.Embeddings.Onnx.Tests;

/// <summary>Where the tiny models built by scripts/make-tiny-models.py land in the test output.</summary>
internal static class TinyModels
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "models", "tiny");

    public static string Bert => Path.Combine(Root, "bert");

    public static string Xlmr => Path.Combine(Root, "xlmr");

    /// <summary>Same value as MAX_TOKENS in the script (and maxTokens in the tiny manifests).</summary>
    public const int MaxTokens = 128;

    /// <summary>Same value as HIDDEN in the script.</summary>
    public const int Hidden = 16;
}
