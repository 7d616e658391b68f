using NewsQA.Core.Storage;

namespace NewsQA.Testing.Contract;

/// <summary>One backend's four store contracts over one data set, as the contract suite tests them.</summary>
public sealed record StoreContracts(IDocumentStore Documents, ILexicalIndex Lexical, IVectorIndex Vectors, IEmbeddingModelRecord EmbeddingModel);
