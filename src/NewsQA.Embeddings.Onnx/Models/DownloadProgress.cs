namespace NewsQA.Embeddings.Onnx.Models;

/// <summary>Progress of one file: bytes on disk so far (a resumed download starts above zero) and the total, when known.</summary>
public sealed record DownloadProgress(string File, long BytesDone, long? TotalBytes, bool Resumed);
