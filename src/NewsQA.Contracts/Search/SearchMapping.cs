using NewsQA.Core.Documents;
using NewsQA.Core.Search.Retrieval;

namespace NewsQA.Contracts.Search;

/// <summary>The one mapping from a retrieval result to the search response, for <c>POST /api/search</c> and <c>newsqa search --json</c>.</summary>
public static class SearchMapping
{
    /// <summary>Scores keep six decimals and timings two: more digits are noise, and fewer bytes go over the wire.</summary>
    public static SearchResponse ToResponse(this RetrievalResult result, string query, TimeSpan total, RecencyDecay? recency = null) => new(
        query,
        result.Mode,
        result.Passages.Select(p => ToResult(p, result)).ToList(),
        new SearchTimingsDto(Math.Round(result.EmbedMs, 2), Math.Round(result.SearchMs, 2), Math.Round(total.TotalMilliseconds, 2)))
    {
        Interpretation = recency is null ? null : new SearchInterpretationDto(recency),
    };

    private static SearchResultDto ToResult(RetrievedPassage p, RetrievalResult result) => new(
        DocumentKey.IdOf(p.Hit.Chunk.DocumentId),
        DocumentKey.IdOf(p.Hit.Chunk.Id),
        p.Hit.Document.Title,
        p.Hit.Document.PublishedAt,
        p.Hit.Document.Url,
        p.Hit.Document.Source,
        p.Hit.Chunk.Text,
        p.Hit.Chunk.Span,
        Math.Round(p.Score, 6),
        new ScoresDto(Round(p.Dense), Round(p.Lexical), Round(p.Fused)),
        p.Hit.Document.Language,
        p.Hit.Document.Collection,
        result.StoryOf(p.Hit.Document).OnTheWire());

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
