namespace NewsQA.Embeddings.Onnx.Models;

/// <summary>A model file could not be downloaded or failed verification; the message says which file, from where, and why.</summary>
public sealed class ModelDownloadException(string message, Exception? inner = null) : Exception(message, inner);
