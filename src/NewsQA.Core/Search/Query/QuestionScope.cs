using System.Text.Json.Serialization;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Search.Query;

/// <summary>Which kind of source a question named without naming one ("die Nachrichtenagentur", "im Newsblog").</summary>
public enum SourceKind
{
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>A news agency: becomes a filter on the agency names of <see cref="SourcePhrases"/>.</summary>
    [JsonStringEnumMemberName("agency")]
    Agency,

    /// <summary>A news or live blog: documents whose title says so rank first (no document field holds it).</summary>
    [JsonStringEnumMemberName("blog")]
    Blog,
}

/// <summary>
/// What a question says about when and where something was reported, read by <see cref="QuestionScopeParser"/>.
/// <see cref="Remainder"/> is the question without the words that only carried the date or source, so those
/// words need not match the text. Month, week and day scopes are filters; a bare year ("2024", "dieses Jahr")
/// is only a preference, because a year in a question is as often the time of the event as of the report.
/// </summary>
public sealed record QuestionScope(string Remainder)
{
    public PublicationDate? PublishedFrom { get; init; }

    public PublicationDate? PublishedTo { get; init; }

    /// <summary>A year the question mentions: documents published in it rank first, none is excluded.</summary>
    public int? PreferredYear { get; init; }

    /// <summary>Source names to filter on ("dpa-AFX", or all agencies for "die Nachrichtenagentur").</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public SourceKind SourceKind { get; init; }

    public bool HasDateRange => PublishedFrom is not null || PublishedTo is not null;

    /// <summary>
    /// Is a document of this date known to fall inside the question's range? Unlike a request filter (which
    /// keeps every document that may overlap), a question's "am 3. Juli" is not answered by an article known only
    /// to be from July: the document's whole possible range must lie inside the question's.
    /// </summary>
    public bool Holds(PublicationDate? published) => !HasDateRange || (published is { } date
        && (PublishedFrom is null || date.Earliest >= PublishedFrom.Value.Earliest)
        && (PublishedTo is null || date.Latest <= PublishedTo.Value.Latest));

    public bool IsEmpty => !HasDateRange && PreferredYear is null && Sources.Count == 0 && SourceKind == SourceKind.None;
}
