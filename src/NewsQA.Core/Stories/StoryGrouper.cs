using Microsoft.Extensions.Options;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Stories;

/// <summary>
/// Decides a new or changed document's story at ingest: the story of the most similar stored near-copy (a band
/// candidate whose estimated Jaccard similarity reaches <see cref="StoryOptions.MinSimilarity"/>, within
/// <see cref="StoryOptions.MaxDaysApart"/>, in the same collection), else a story of its own whose id is the document's id. The id is stored
/// with each member and never recomputed, so it stays when the first member is deleted; an update is decided afresh
/// and may move the document to another story.
/// </summary>
public sealed class StoryGrouper(IStoryIndex? index, IOptions<StoryOptions> options)
{
    /// <summary>The fingerprint a document is stored with: the body only (a republished copy changes its headline first).</summary>
    public StoryFingerprint Fingerprint(NewsDocument document)
    {
        var o = options.Value;
        var signature = StorySignature.Of(document.Text, o.ShingleWords, o.Bands * o.Rows);
        return new StoryFingerprint(signature, signature.IsEmpty || signature.Shingles < o.MinShingles ? [] : signature.Bands(o.Rows));
    }

    /// <summary>The document with its story id and fingerprint set, ready for the store.</summary>
    public async Task<NewsDocument> AssignAsync(NewsDocument document, CancellationToken cancellationToken = default)
    {
        if (index is null || !options.Value.Enabled)
        {
            return document with { StoryId = document.Id };
        }

        var fingerprint = Fingerprint(document);
        var candidates = fingerprint.Bands.Count == 0 ? [] : await index.FindStoryCandidatesAsync(fingerprint.Bands, cancellationToken).ConfigureAwait(false);
        return document with { StoryId = Choose(document, fingerprint.Signature, candidates) ?? document.Id, Fingerprint = fingerprint };
    }

    /// <summary>The story of the most similar accepted candidate (ties: the smaller story id), or null.</summary>
    internal string? Choose(NewsDocument document, StorySignature signature, IReadOnlyList<StoryCandidate> candidates)
    {
        var o = options.Value;
        string? best = null;
        var bestSimilarity = 0.0;
        foreach (var candidate in candidates)
        {
            // A story never spans collections: its members are listed to whoever reads one of them.
            if (candidate.DocumentId == document.Id || DocumentKey.CollectionOf(candidate.DocumentId) != DocumentKey.CollectionOf(document.Id)
                || !WithinDays(document.PublishedAt, candidate.PublishedAt, o.MaxDaysApart))
            {
                continue;
            }

            var similarity = signature.EstimatedSimilarity(candidate.Signature);
            if (similarity < o.MinSimilarity)
            {
                continue;
            }

            if (best is null || similarity > bestSimilarity || (similarity == bestSimilarity && string.CompareOrdinal(candidate.StoryId, best) < 0))
            {
                (best, bestSimilarity) = (candidate.StoryId, similarity);
            }
        }

        return best;
    }

    /// <summary>Undated documents, or a limit of 0, never keep two apart; a date known to the month counts from its first day.</summary>
    private static bool WithinDays(PublicationDate? a, PublicationDate? b, int maxDays) =>
        maxDays == 0 || a is null || b is null || Math.Abs(a.Value.Earliest.DayNumber - b.Value.Earliest.DayNumber) <= maxDays;
}
