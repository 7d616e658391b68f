namespace NewsQA.Core.Storage;

/// <summary>The four store contracts in one, while consumers and backends move to the small ones; goes once none uses it.</summary>
public interface INewsStore : IDocumentStore, ILexicalIndex, IVectorIndex, IEmbeddingModelRecord;
