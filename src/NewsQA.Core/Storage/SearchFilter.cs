using NewsQA.Core.Documents;

namespace NewsQA.Core.Storage;

/// <summary>
/// Restricts a search. A document's date matches a range it overlaps at its own precision: an article
/// dated "2025-07" matches <c>publishedFrom = 2025-07-15</c>. Documents without a date never match a date range.
/// </summary>
public sealed record SearchFilter
{
    /// <summary>No restriction but the collection, <c>default</c>: what a single-collection installation searches.</summary>
    public static readonly SearchFilter None = new();

    /// <summary>
    /// The one collection searched (<see cref="DocumentKey"/>). Never "all": a search always stays inside one collection,
    /// and every store applies this in its index, before ranking, so a collection's top-k is full whatever the others hold.
    /// </summary>
    public string Collection { get; init; } = DocumentKey.DefaultCollection;

    /// <summary>Store keys (<see cref="DocumentKey.Of"/>), not the plain ids of the wire.</summary>
    public IReadOnlyList<string>? DocumentIds { get; init; }
    public IReadOnlyList<string>? Sources { get; init; }
    public PublicationDate? PublishedFrom { get; init; }
    public PublicationDate? PublishedTo { get; init; }

    /// <summary>
    /// Only documents of these languages (codes as <c>LanguageCode.Normalize</c> returns them, "und" included): the
    /// request's <c>filter.language</c>, or the languages one analysis of the query is matched against.
    /// </summary>
    public IReadOnlyList<string>? Languages { get; init; }

    public bool HasDateRange => PublishedFrom is not null || PublishedTo is not null;

    /// <summary>Restricts nothing but the collection (empty lists restrict nothing, as in <see cref="Matches"/>): a store may then test the key alone.</summary>
    public bool OnlyCollection => DocumentIds is not { Count: > 0 } && Sources is not { Count: > 0 } && Languages is not { Count: > 0 } && !HasDateRange;

    /// <summary>The reference semantics every store implements (and the embedded store uses directly).</summary>
    public bool Matches(DocumentSummary document)
    {
        if (!DocumentKey.IsIn(document.Id, Collection))
        {
            return false;
        }

        if (DocumentIds is { Count: > 0 } && !DocumentIds.Contains(document.Id, StringComparer.Ordinal))
        {
            return false;
        }

        if (Sources is { Count: > 0 } && (document.Source is null || !Sources.Contains(document.Source, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (Languages is { Count: > 0 } && !Languages.Contains(document.Language, StringComparer.Ordinal))
        {
            return false;
        }

        return !HasDateRange || (document.PublishedAt is { } date && date.Overlaps(PublishedFrom, PublishedTo));
    }
}
