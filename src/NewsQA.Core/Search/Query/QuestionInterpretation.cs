using System.Text.Json.Serialization;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Search.Query;

/// <summary>
/// How the question was read, as the answer reports it: the date range and sources that scoped the search
/// (from the question, or from the request's filter where it named one, which always wins), the year preferred,
/// the kind of source named, and the question that remained for matching the text.
/// </summary>
public sealed record QuestionInterpretation(
    PublicationDate? PublishedFrom,
    PublicationDate? PublishedTo,
    IReadOnlyList<string> Sources,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SourceKind>))] SourceKind? SourceKind,
    int? PreferredYear,
    string Question)
{
    /// <summary>The decay by age applied because the question asks for recent news; null when it does not.</summary>
    public Retrieval.RecencyDecay? Recency { get; init; }
}
