using NewsQA.Core.Storage;
using NewsQA.Storage.Qdrant.Http;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// <see cref="SearchFilter"/> as a Qdrant filter on chunk payloads, with the same semantics as
/// <see cref="SearchFilter.Matches"/>: a date overlaps the range when its last possible day is on or after
/// <c>from.Earliest</c> and its first possible day on or before <c>to.Latest</c>.
/// </summary>
internal static class QdrantFilters
{
    public static Filter? For(SearchFilter filter)
    {
        var must = new List<object>();
        if (filter.DocumentIds is { Count: > 0 } ids)
        {
            must.Add(new FieldCondition(QdrantPayload.DocumentId, Match: new MatchAny([.. ids.Distinct(StringComparer.Ordinal)])));
        }

        if (filter.Sources is { Count: > 0 } sources)
        {
            must.Add(new FieldCondition(QdrantPayload.Source, Match: new MatchAny([.. sources.Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal)])));
        }

        if (filter.PublishedFrom is { } from)
        {
            must.Add(new FieldCondition(QdrantPayload.PublishedTo, Range: new RangeCondition(Gte: QdrantPayload.DayNumber(from.Earliest))));
        }

        if (filter.PublishedTo is { } to)
        {
            must.Add(new FieldCondition(QdrantPayload.PublishedFrom, Range: new RangeCondition(Lte: QdrantPayload.DayNumber(to.Latest))));
        }

        return must.Count == 0 ? null : new Filter(must);
    }

    public static Filter Document(string documentId) =>
        new([new FieldCondition(QdrantPayload.DocumentId, Match: new MatchValue(documentId))]);

    public static Filter Documents { get; } =
        new([new FieldCondition(QdrantPayload.Kind, Match: new MatchValue(QdrantPayload.DocumentKind))]);
}
