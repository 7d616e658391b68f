using System.Text.RegularExpressions;

namespace NewsQA.Core.Search.Query;

/// <summary>
/// The source names and kinds of source a question can name. Agency names are the datelines and tags
/// German-language news carries (the cleaner reads them into <c>Source</c>); a name the list lacks stays
/// an ordinary word of the question.
/// </summary>
public static partial class SourcePhrases
{
    public static readonly IReadOnlyList<string> Agencies =
    [
        "dpa-AFX", "dpa", "AFP", "Reuters", "AP", "APA", "KNA", "epd", "Bloomberg", "SDA", "Keystone-SDA", "ANSA", "Interfax", "TASS", "Ukrinform", "Xinhua",
    ];

    /// <summary>"laut dpa-AFX", "nach Angaben von Reuters", "according to AFP", or the bare name.</summary>
    [GeneratedRegex(@"(?:\b(?:laut|nach\s+angaben\s+(?:von|der|des)|according\s+to|von|bei|der\s+agentur|die\s+agentur|agency)\s+)?\b(?<name>dpa-AFX|Keystone-SDA|dpa|AFP|Reuters|APA|KNA|epd|Bloomberg|SDA|ANSA|Interfax|TASS|Ukrinform|Xinhua)\b(?!-)", RegexOptions.IgnoreCase)]
    internal static partial Regex NamedSource();

    /// <summary>"AP" only in capitals: "ap" is no word, but "Ap" or "ap." could be part of one.</summary>
    [GeneratedRegex(@"(?:\b(?:laut|according\s+to)\s+)?\bAP\b(?!-)")]
    internal static partial Regex AssociatedPress();

    [GeneratedRegex(@"(?:\b(?:laut|von|bei|according\s+to|from|by|in|im|auf)\s+)?(?:\b(?:der|die|dem|den|einer|eine|the|a)\s+)?\b(?:nachrichtenagentur(?:en)?|presseagentur(?:en)?|agenturen|news\s+agenc(?:y|ies)|wire\s+services?)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex AgencyKind();

    [GeneratedRegex(@"(?:\b(?:laut|von|bei|according\s+to|from|by|in|im|auf)\s+)?(?:\b(?:der|die|dem|den|einem|the|a)\s+)?\b(?:news-?blogs?|live-?blogs?|liveticker|newsticker|news\s+blogs?|live\s+blogs?)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex BlogKind();

    /// <summary>Reporting verbs that carry only "the source said": dropped with the source they introduce.</summary>
    [GeneratedRegex(@"\b(?:berichtet(?:e|en)?|meldet(?:e|en)?|schrieb(?:en)?|reported|wrote|reports)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex ReportingVerb();

    /// <summary>Is this document (title or source) of the kind the question named?</summary>
    public static bool IsOfKind(SourceKind kind, string title, string? source) => kind switch
    {
        SourceKind.Blog => BlogKind().IsMatch(title) || (source is not null && BlogKind().IsMatch(source)),
        SourceKind.Agency => source is not null && Agencies.Contains(source, StringComparer.OrdinalIgnoreCase),
        _ => true,
    };
}
