using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.Contract;

// Every part of the store contract suite on the Qdrant store, against a fresh fake Qdrant per test.

public sealed class FakeQdrantDocumentStoreContractTests : DocumentStoreContractTests<FakeQdrantBackend>;

public sealed class FakeQdrantLexicalIndexContractTests : LexicalIndexContractTests<FakeQdrantBackend>;

public sealed class FakeQdrantVectorIndexContractTests : VectorIndexContractTests<FakeQdrantBackend>;

public sealed class FakeQdrantModelRecordContractTests : EmbeddingModelRecordContractTests<FakeQdrantBackend>;

public sealed class FakeQdrantCollectionContractTests : CollectionContractTests<FakeQdrantBackend>;

public sealed class FakeQdrantStoryIndexContractTests : StoryIndexContractTests<FakeQdrantBackend>;
