namespace NewsQA.Embeddings.Onnx.Models;

/// <summary>A model file could not be downloaded or failed verification; the message says which file, from where, and why.</summary>
public sealed class ModelDownloadException(string message, Exception? inner = null, bool verificationFailed = false) : Exception(message, inner)
{
    /// <summary>The file arrived but its size or sha256 differs from the manifest (and was deleted), as opposed to not arriving.</summary>
    public bool VerificationFailed { get; } = verificationFailed;
}
