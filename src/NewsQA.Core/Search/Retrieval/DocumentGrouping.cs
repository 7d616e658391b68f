using NewsQA.Core.Storage;

namespace NewsQA.Core.Search.Retrieval;

/// <summary>
/// One result per article, and one article per story: a ranking of chunks becomes a page where each document shows
/// its best passage, so five passages of one long article cannot fill a page, and where a story (an agency text and
/// its near-copies, <see cref="Stories.StoryGrouper"/>) is shown by its best-ranked member only, so its copies cannot
/// take the places of other stories. The document ranks where its best chunk ranked: summing its chunks instead
/// favoured long articles and ranked worse, though answers, which read the page, gained (docs/quality-levers.md,
/// DocumentGrouping).
/// </summary>
public static class DocumentGrouping
{
    /// <summary>
    /// The page of <paramref name="ranked"/> (best first), at most <paramref name="top"/> items: with
    /// <paramref name="onePerDocument"/> the first item of each document; with <paramref name="byStory"/> only items of
    /// the first-ranked document of each story (several of its passages when not one per document).
    /// </summary>
    public static IReadOnlyList<T> Page<T>(IReadOnlyList<T> ranked, Func<T, ChunkHit> hit, int top, bool onePerDocument, bool byStory)
    {
        var documents = new HashSet<string>(StringComparer.Ordinal);
        var shownMember = new Dictionary<string, string>(StringComparer.Ordinal);
        var page = new List<T>(Math.Min(top, ranked.Count));
        foreach (var item in ranked)
        {
            if (page.Count == top)
            {
                break;
            }

            var h = hit(item);
            var document = h.Chunk.DocumentId;
            if (byStory)
            {
                if (shownMember.TryGetValue(h.Document.StoryId, out var member) && member != document)
                {
                    continue;
                }

                shownMember[h.Document.StoryId] = document;
            }

            if (!onePerDocument || documents.Add(document))
            {
                page.Add(item);
            }
        }

        return page;
    }
}
