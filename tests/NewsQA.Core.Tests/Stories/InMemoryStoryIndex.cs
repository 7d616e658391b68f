using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Core.Stories;

namespace NewsQA.Core.Tests.Stories;

/// <summary>
/// <see cref="IStoryIndex"/> over a dictionary, with the semantics the stores implement (a candidate shares a band
/// number and hash): lets the grouping be measured on thousands of documents without a store's I/O.
/// </summary>
internal sealed class InMemoryStoryIndex : IStoryIndex
{
    private readonly Dictionary<StoryBand, List<string>> bands = [];
    private readonly Dictionary<string, NewsDocument> documents = new(StringComparer.Ordinal);

    public void Add(NewsDocument document)
    {
        documents[document.Id] = document;
        foreach (var band in document.Fingerprint!.Bands)
        {
            if (!bands.TryGetValue(band, out var ids))
            {
                bands[band] = ids = [];
            }

            ids.Add(document.Id);
        }
    }

    public Task<IReadOnlyList<StoryCandidate>> FindStoryCandidatesAsync(IReadOnlyList<StoryBand> wanted, CancellationToken cancellationToken = default)
    {
        var found = wanted.SelectMany(b => bands.TryGetValue(b, out var ids) ? ids : []).Distinct(StringComparer.Ordinal)
            .Select(id => documents[id])
            .Select(d => new StoryCandidate(d.Id, d.StoryId!, d.Fingerprint!.Signature, d.PublishedAt))
            .ToList();
        return Task.FromResult<IReadOnlyList<StoryCandidate>>(found);
    }

    public Task<IReadOnlyList<DocumentSummary>> GetStoryMembersAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DocumentSummary>>(documents.Values.Where(d => storyIds.Contains(d.StoryId!))
            .Select(d => new DocumentSummary(d.Id, d.Title, d.Url, d.PublishedAt, d.Source, 1) { StoryId = d.StoryId! }).ToList());
}
