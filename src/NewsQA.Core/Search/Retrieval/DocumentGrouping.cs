using NewsQA.Core.Storage;

namespace NewsQA.Core.Search.Retrieval;

/// <summary>
/// One result per article: a ranking of chunks becomes a ranking of documents, each shown by its best passage, so
/// five passages of one long article cannot fill a page. The document ranks where its best chunk ranked: summing its
/// chunks instead favoured long articles and ranked worse, though answers, which read the page, gained
/// (docs/quality-levers.md, DocumentGrouping).
/// </summary>
public static class DocumentGrouping
{
    public static IReadOnlyList<ChunkHit> BestPerDocument(IReadOnlyList<ChunkHit> ranked, int top) =>
        BestPerDocument(ranked, h => h.Chunk.DocumentId, top);

    /// <summary>The first item of each document in <paramref name="ranked"/> (best first), at most <paramref name="top"/>.</summary>
    public static IReadOnlyList<T> BestPerDocument<T>(IReadOnlyList<T> ranked, Func<T, string> documentId, int top)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var page = new List<T>(Math.Min(top, ranked.Count));
        foreach (var item in ranked)
        {
            if (page.Count == top)
            {
                break;
            }

            if (seen.Add(documentId(item)))
            {
                page.Add(item);
            }
        }

        return page;
    }
}
