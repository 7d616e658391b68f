using NewsQA.Core.Documents;

namespace NewsQA.Core.Storage;

/// <summary>A chunk ready to store: its analyzed terms for lexical search and, when an embedder is configured, its vector.</summary>
public sealed record IndexedChunk(Chunk Chunk, IReadOnlyList<string> Terms, ReadOnlyMemory<float>? Vector);
