using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The default store: one SQLite file in the data directory holding documents, chunks and vectors (the source of
/// truth), a Lucene.Net index of the chunks' analysed terms derived from it (<c>lexical/</c>), and the vectors held in
/// memory for exact scans. The four store contracts are separate classes over the one file
/// (<see cref="EmbeddedDatabase"/>); this opens it and hands them out.
/// </summary>
public sealed class EmbeddedNewsStore : IDisposable
{
    private readonly EmbeddedDatabase database;

    public EmbeddedNewsStore(IOptions<EmbeddedStoreOptions> options, ITermAnalyzer analyzer, ILogger<EmbeddedNewsStore> logger)
    {
        database = new EmbeddedDatabase(options, analyzer, logger);
        Documents = new EmbeddedDocumentStore(database);
        Lexical = new EmbeddedLexicalIndex(database);
        Vectors = new EmbeddedVectorIndex(database);
        EmbeddingModel = new EmbeddedModelRecord(database);
        FileCheck = new StoreFileCheck(database);
        Collections = new EmbeddedCollectionRegistry(database);
        Stories = new EmbeddedStoryIndex(database);
    }

    /// <summary>Collections declared by name before they hold a document.</summary>
    public ICollectionRegistry Collections { get; }

    /// <summary>Documents and chunks, with their terms and vectors: the source of truth of the indexes below.</summary>
    public IDocumentStore Documents { get; }

    /// <summary>Lucene BM25 of the chunks' terms and grams and of their whole documents (<see cref="NewsQA.Core.Search.Retrieval.LexicalScoring"/>).</summary>
    public ILexicalIndex Lexical { get; }

    /// <summary>Exact (or int8-preselected) scans of the vectors held in memory.</summary>
    public IVectorIndex Vectors { get; }

    public IEmbeddingModelRecord EmbeddingModel { get; }

    /// <summary>The SQLite file's integrity check and the rebuild of its own indexes (<c>newsqa reindex</c>).</summary>
    public IStoreFileCheck FileCheck { get; }

    /// <summary>The documents' story keys, looked up at ingest to find a new document's near-copies.</summary>
    public IStoryIndex Stories { get; }

    public void Dispose() => database.Dispose();
}
