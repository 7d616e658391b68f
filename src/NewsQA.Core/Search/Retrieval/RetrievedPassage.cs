using NewsQA.Core.Storage;

namespace NewsQA.Core.Search.Retrieval;

/// <summary>A retrieved chunk with its final score and the per-retriever scores behind it.</summary>
public sealed record RetrievedPassage(ChunkHit Hit, double Score, double? Dense, double? Lexical, double? Fused);

/// <summary>What a search returned, the mode actually used (hybrid falls back to lexical without a model), and timings.</summary>
public sealed record RetrievalResult(IReadOnlyList<RetrievedPassage> Passages, SearchMode Mode, double EmbedMs, double SearchMs)
{
    /// <summary>The question's vector when the model ranked (dense, hybrid), so the answerer weighs sentences by meaning without embedding the question again.</summary>
    public ReadOnlyMemory<float>? QueryVector { get; init; }

    /// <summary>Every member of each story on the page, by story id (<see cref="Documents.DocumentSummary.StoryId"/>), oldest first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Documents.DocumentSummary>> StoryMembers { get; init; } = new Dictionary<string, IReadOnlyList<Documents.DocumentSummary>>();

    /// <summary><paramref name="document"/>'s story with its members; the document alone when none were looked up.</summary>
    public Stories.StoryView StoryOf(Documents.DocumentSummary document) =>
        Stories.StoryView.Of(document.StoryId, StoryMembers.TryGetValue(document.StoryId, out var members) ? members : [document]);
}

/// <summary>A search; <c>OnePerDocument</c>: search pages show each document once (its best passage), answers read several passages of one article.</summary>
public sealed record SearchRequest(string Query, int Top, SearchMode Mode, SearchFilter Filter, bool OnePerDocument = true)
{
    /// <summary>Results a search returns when the request names no <c>top</c> (API and CLI alike).</summary>
    public const int DefaultTop = 8;

    /// <summary>The most results one search may ask for: each result carries a passage and its document's fields.</summary>
    public const int MaxTop = 50;

    /// <summary>Fusion weights for this search alone (eval's calibration runs with the pair it fitted); null: the service's (<c>FusionWeights</c>).</summary>
    public Fusion.RrfWeights? Weights { get; init; }

    /// <summary>Copies of one story shown once (default) or each (<see cref="DocumentGrouping"/>).</summary>
    public ResultGrouping Group { get; init; } = ResultGrouping.Story;

    /// <summary>Newest first instead of best first (<c>sort: "date"</c>), among the candidates a relevance search fetches.</summary>
    public ResultOrder Order { get; init; } = ResultOrder.Relevance;

    /// <summary>The decay by age a question asking for recent news applies (<see cref="Query.RecencyPhrases"/>); null: none.</summary>
    public RecencyDecay? Recency { get; init; }
}

/// <summary>The two rankings a hybrid search fuses, at the depth it fuses them (eval fits fusion weights on them).</summary>
public sealed record HybridCandidates(IReadOnlyList<ChunkHit> Dense, IReadOnlyList<ChunkHit> Lexical);
