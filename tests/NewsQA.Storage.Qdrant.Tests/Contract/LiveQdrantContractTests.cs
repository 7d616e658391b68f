using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.Contract;

// Every part of the store contract suite on the Qdrant store against a real Qdrant named by QDRANT_URL (LiveQdrantBackend); skipped when unset.

public sealed class LiveQdrantDocumentStoreContractTests : DocumentStoreContractTests<LiveQdrantBackend>;

public sealed class LiveQdrantLexicalIndexContractTests : LexicalIndexContractTests<LiveQdrantBackend>;

public sealed class LiveQdrantVectorIndexContractTests : VectorIndexContractTests<LiveQdrantBackend>;

public sealed class LiveQdrantModelRecordContractTests : EmbeddingModelRecordContractTests<LiveQdrantBackend>;

public sealed class LiveQdrantStoryIndexContractTests : StoryIndexContractTests<LiveQdrantBackend>;
