using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// The store on a Qdrant server, so any number of API instances share one corpus. The four store contracts are
/// separate classes over the two collections (<see cref="QdrantSchema"/>) and one resilient client
/// (<see cref="QdrantCalls"/>); this builds them and hands them out.
/// </summary>
public sealed class QdrantNewsStore : IDisposable
{
    private readonly QdrantSchema schema;
    private readonly QdrantVectorIndex vectors;

    public QdrantNewsStore(QdrantCalls qdrant, IOptions<QdrantStoreOptions> options, IOptions<FusionOptions> fusion, ILogger<QdrantNewsStore> logger)
    {
        var settings = options.Value;
        schema = new QdrantSchema(qdrant, settings, logger);
        var points = new QdrantPoints(qdrant, settings);
        var lexical = new QdrantLexicalIndex(schema, points);
        vectors = new QdrantVectorIndex(schema, points, lexical, fusion);
        Documents = new QdrantDocumentStore(schema, points, settings);
        Lexical = lexical;
        EmbeddingModel = new QdrantModelRecord(schema, points);
        Collections = new QdrantCollectionRegistry(schema, points);
        Stories = new QdrantStoryIndex(schema, points);
    }

    /// <summary>Collections declared by name before they hold a document.</summary>
    public ICollectionRegistry Collections { get; }

    /// <summary>The records' story keys, found by filtered scrolls of the documents collection.</summary>
    public IStoryIndex Stories { get; }

    /// <summary>Document records and chunk points, written in an order that makes each document's version atomic to readers.</summary>
    public IDocumentStore Documents { get; }

    /// <summary>Sparse BM25 vectors of the chunks' terms and grams, with Qdrant's IDF modifier.</summary>
    public ILexicalIndex Lexical { get; }

    /// <summary>The chunks' dense cosine vectors.</summary>
    public IVectorIndex Vectors => vectors;

    /// <summary>The vector index's fusion of dense and lexical rankings on the server.</summary>
    public IServerSideHybridSearch HybridSearch => vectors;

    public IEmbeddingModelRecord EmbeddingModel { get; }

    internal string ChunksCollectionName => schema.Chunks;

    public void Dispose() => schema.Dispose();
}
