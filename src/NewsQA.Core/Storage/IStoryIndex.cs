using NewsQA.Core.Documents;
using NewsQA.Core.Stories;

namespace NewsQA.Core.Storage;

/// <summary>
/// The stored documents' story keys (<see cref="StoryFingerprint"/>), written with a document by
/// <see cref="IDocumentStore.UpsertAsync"/> and removed with it by <see cref="IDocumentStore.DeleteAsync"/>. Implemented
/// by every store on the same object as its <see cref="IDocumentStore"/>; checked by the shared store test suite.
/// </summary>
public interface IStoryIndex
{
    /// <summary>
    /// The stored documents that have at least one of <paramref name="bands"/> (same band number, same hash), each once,
    /// with its story and signature: one indexed look-up per new document, whatever the archive's size.
    /// </summary>
    Task<IReadOnlyList<StoryCandidate>> FindStoryCandidatesAsync(IReadOnlyList<StoryBand> bands, CancellationToken cancellationToken = default);

    /// <summary>Every stored document of these stories.</summary>
    Task<IReadOnlyList<DocumentSummary>> GetStoryMembersAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default);
}

/// <summary>A stored document that shares a band with a new one: whether it is a near-copy, its signature tells.</summary>
public sealed record StoryCandidate(string DocumentId, string StoryId, StorySignature Signature, PublicationDate? PublishedAt);
