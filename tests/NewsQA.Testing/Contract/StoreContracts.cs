using NewsQA.Core.Storage;

namespace NewsQA.Testing.Contract;

/// <summary>One backend's store contracts over one data set, as the contract suite tests them.</summary>
public sealed record StoreContracts(IDocumentStore Documents, ILexicalIndex Lexical, IVectorIndex Vectors, IEmbeddingModelRecord EmbeddingModel)
{
    /// <summary>The backend's story keys (<see cref="StoryIndexContractTests{TBackend}"/>); null for a backend without them yet.</summary>
    public IStoryIndex? Stories { get; init; }
}
