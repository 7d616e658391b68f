using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Embedded.Tests;

// Every part of the store contract suite on the embedded SQLite store, each test in its own temporary data directory.

public sealed class EmbeddedDocumentStoreContractTests : DocumentStoreContractTests<EmbeddedStoreBackend>;

public sealed class EmbeddedLexicalIndexContractTests : LexicalIndexContractTests<EmbeddedStoreBackend>;

public sealed class EmbeddedVectorIndexContractTests : VectorIndexContractTests<EmbeddedStoreBackend>;

public sealed class EmbeddedModelRecordContractTests : EmbeddingModelRecordContractTests<EmbeddedStoreBackend>;

public sealed class EmbeddedCollectionContractTests : CollectionContractTests<EmbeddedStoreBackend>;

public sealed class EmbeddedStoryIndexContractTests : StoryIndexContractTests<EmbeddedStoreBackend>;
