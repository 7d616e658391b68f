using System.Text.RegularExpressions;

namespace NewsQA.Core.Search.Query;

/// <summary>
/// Words with which a question asks for the latest state of things rather than a dated event, German and English:
/// "aktuell", "neueste", "zuletzt", "derzeit", "jüngste", "momentan", "mittlerweile", "latest", "recent(ly)", "now",
/// "current(ly)". A question with one ranks recent articles higher (<see cref="Retrieval.RecencyDecay"/>); without, ranking is unchanged.
/// </summary>
public static partial class RecencyPhrases
{
    public static bool AsksForRecent(string question) => Recent().IsMatch(question);

    [GeneratedRegex(@"\b(aktuell\w*|neueste\w*|neusten?|zuletzt|derzeit\w*|jüngste\w*|momentan\w*|mittlerweile|inzwischen|latest|most\s+recent|recent(ly)?|now|nowadays|current(ly)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Recent();
}
