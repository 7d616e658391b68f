using NewsQA.Core.Retrieval;

namespace NewsQA.Cli.Output;

/// <summary>The API's search response shape, built from a Core retrieval result.</summary>
internal static class SearchResultShape
{
    public static object From(string query, RetrievalResult result) => new
    {
        query,
        mode = result.Mode.ToString().ToLowerInvariant(),
        results = result.Passages.Select(p => new
        {
            documentId = p.Hit.Chunk.DocumentId,
            chunkId = p.Hit.Chunk.Id,
            title = p.Hit.Document.Title,
            publishedAt = p.Hit.Document.PublishedAt,
            url = p.Hit.Document.Url,
            source = p.Hit.Document.Source,
            text = p.Hit.Chunk.Text,
            span = p.Hit.Chunk.Span,
            score = Math.Round(p.Score, 6),
            scores = new { dense = p.Dense, lexical = p.Lexical, fused = p.Fused },
        }),
        timings = new { embedMs = Math.Round(result.EmbedMs, 2), searchMs = Math.Round(result.SearchMs, 2) },
    };
}
