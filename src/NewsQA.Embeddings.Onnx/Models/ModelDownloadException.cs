namespace NewsQA.Embeddings.Onnx.Models;

/// <summary>A model file could not be downloaded or failed verification; the message says which file, from where, and why.</summary>
public sealed class ModelDownloadException(string message, Exception? inner = null, bool verificationFailed = false, bool stoppedByBound = false) : Exception(message, inner)
{
    /// <summary>
    /// The transfer was stopped by a bound (more bytes than the manifest declares, the disk's free space) and what it
    /// wrote was deleted; the message is one line without paths, fit for readiness.
    /// </summary>
    public bool StoppedByBound { get; } = stoppedByBound;

    /// <summary>The file arrived but its size or sha256 differs from the manifest (and was deleted), as opposed to not arriving.</summary>
    public bool VerificationFailed { get; } = verificationFailed;
}
