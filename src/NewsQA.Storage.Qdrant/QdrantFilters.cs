using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// <see cref="SearchFilter"/> as a Qdrant filter on chunk payloads, with the same semantics as
/// <see cref="SearchFilter.Matches"/>: a date overlaps the range when its last possible day is on or after
/// <c>from.Earliest</c> and its first possible day on or before <c>to.Latest</c>.
/// </summary>
internal static class QdrantFilters
{
    public static Filter For(SearchFilter filter)
    {
        // Always the collection: a search never spans collections, and Qdrant applies it before ranking.
        var must = new Filter { Must = { InCollection(filter.Collection) } };
        if (filter.DocumentIds is { Count: > 0 } ids)
        {
            must.Must.Add(Match(QdrantPayload.DocumentId, [.. ids.Distinct(StringComparer.Ordinal)]));
        }

        if (filter.Sources is { Count: > 0 } sources)
        {
            must.Must.Add(Match(QdrantPayload.Source, [.. sources.Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal)]));
        }

        if (filter.Languages is { Count: > 0 } languages)
        {
            must.Must.Add(Match(QdrantPayload.Language, [.. languages.Distinct(StringComparer.Ordinal)]));
        }

        if (filter.PublishedFrom is { } from)
        {
            must.Must.Add(Range(QdrantPayload.PublishedTo, new global::Qdrant.Client.Grpc.Range { Gte = QdrantPayload.DayNumber(from.Earliest) }));
        }

        if (filter.PublishedTo is { } to)
        {
            must.Must.Add(Range(QdrantPayload.PublishedFrom, new global::Qdrant.Client.Grpc.Range { Lte = QdrantPayload.DayNumber(to.Latest) }));
        }

        return must;
    }

    /// <summary>
    /// Points of one collection. A point written before collections has no collection field and is the default
    /// collection's, so <c>default</c> also matches an empty field (Qdrant's <c>is_empty</c>: missing, null or []).
    /// </summary>
    public static Condition InCollection(string collection) =>
        collection == DocumentKey.DefaultCollection
            ? new Condition { Filter = new Filter { Should = { MatchKeyword(QdrantPayload.Collection, collection), IsEmpty(QdrantPayload.Collection) } } }
            : MatchKeyword(QdrantPayload.Collection, collection);

    public static Filter Document(string documentId) => MatchKeyword(QdrantPayload.DocumentId, documentId);

    public static Filter Documents => MatchKeyword(QdrantPayload.Kind, QdrantPayload.DocumentKind);

    /// <summary>The document records of one collection, or of all when null.</summary>
    public static Filter DocumentsOf(string? collection) =>
        collection is null ? Documents : new Filter { Must = { new Condition { Filter = Documents }, InCollection(collection) } };
}
