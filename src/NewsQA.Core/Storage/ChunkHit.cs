using NewsQA.Core.Documents;

namespace NewsQA.Core.Storage;

/// <summary>A chunk found by a search, with what a result needs to show about its document.</summary>
public sealed record ChunkHit(Chunk Chunk, DocumentSummary Document, double Score);
