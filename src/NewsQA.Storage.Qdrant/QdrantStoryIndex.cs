using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Core.Stories;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// The Qdrant store's story keys, on the document records: a candidate look-up is one scroll filtered by match-any on
/// the keyword-indexed <c>storyBands</c> (an array matches when any of its values does), members one scroll by
/// <c>storyId</c>. A record is the commit marker of its document (<see cref="QdrantDocumentStore"/>), so keys appear and
/// go with the document.
/// </summary>
internal sealed class QdrantStoryIndex(QdrantSchema schema, QdrantPoints points) : IStoryIndex
{
    private static readonly WithPayloadSelector CandidateFields = new()
    {
        Include = new PayloadIncludeSelector { Fields = { QdrantPayload.DocumentId, QdrantPayload.StoryId, QdrantPayload.StorySignature, "published" } },
    };

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoryCandidate>> FindStoryCandidatesAsync(IReadOnlyList<StoryBand> bands, CancellationToken cancellationToken = default)
    {
        if (bands.Count == 0)
        {
            return [];
        }

        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var filter = QdrantFilters.Documents;
        filter.Must.Add(Match(QdrantPayload.StoryBands, [.. bands.Select(QdrantPayload.BandKey)]));
        var records = await points.ScrollAllAsync(schema.Documents, filter, CandidateFields, cancellationToken).ConfigureAwait(false);
        return [.. records
            .Where(p => QdrantPayload.Get(p, QdrantPayload.StorySignature) is not null)
            .Select(p =>
            {
                var id = QdrantPayload.Get(p, QdrantPayload.DocumentId)!;
                var signature = StorySignature.FromBytes(Convert.FromBase64String(QdrantPayload.Get(p, QdrantPayload.StorySignature)!));
                var published = PublicationDate.TryParse(QdrantPayload.Get(p, "published"), out var date) ? date : (PublicationDate?)null;
                return new StoryCandidate(id, QdrantPayload.Get(p, QdrantPayload.StoryId) ?? id, signature, published);
            })];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DocumentSummary>> GetStoryMembersAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default)
    {
        if (storyIds.Count == 0)
        {
            return [];
        }

        await schema.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var filter = QdrantFilters.Documents;
        filter.Must.Add(Match(QdrantPayload.StoryId, [.. storyIds]));
        var records = await points.ScrollAllAsync(schema.Documents, filter, QdrantPoints.WithoutText, cancellationToken).ConfigureAwait(false);
        return [.. records.Select(QdrantPayload.ToSummary).OrderBy(s => s.PublishedAt?.Earliest).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }
}
