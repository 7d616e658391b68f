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
    public static Filter? For(SearchFilter filter)
    {
        var must = new Filter();
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

        return must.Must.Count == 0 ? null : must;
    }

    public static Filter Document(string documentId) => MatchKeyword(QdrantPayload.DocumentId, documentId);

    public static Filter Documents => MatchKeyword(QdrantPayload.Kind, QdrantPayload.DocumentKind);
}
