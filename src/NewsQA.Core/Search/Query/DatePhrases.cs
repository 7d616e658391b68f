using System.Text.RegularExpressions;

namespace NewsQA.Core.Search.Query;

/// <summary>The month names and number words the date phrases of <see cref="QuestionScopeParser"/> are built of.</summary>
internal static partial class DatePhrases
{
    private const string Month =
        "januar|jänner|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|" +
        "january|february|march|june|july|october|december|" +
        // "may" is an English verb too; a month only where the patterns put it next to a year or a preposition.
        "may";

    private const string Year = @"(?:19|20)\d{2}";

    private const string Count = @"\d{1,2}|einer?m?|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januar"] = 1, ["jänner"] = 1, ["january"] = 1, ["februar"] = 2, ["february"] = 2, ["märz"] = 3, ["maerz"] = 3, ["march"] = 3,
        ["april"] = 4, ["mai"] = 5, ["may"] = 5, ["juni"] = 6, ["june"] = 6, ["juli"] = 7, ["july"] = 7, ["august"] = 8,
        ["september"] = 9, ["oktober"] = 10, ["october"] = 10, ["november"] = 11, ["dezember"] = 12, ["december"] = 12,
    };

    public static int MonthOf(string name) => Months[name];

    public static int CountOf(string word) => int.TryParse(word, out var n) ? n : word.ToLowerInvariant() switch
    {
        "ein" or "eine" or "einem" or "einer" or "einen" or "a" or "an" or "one" => 1,
        "zwei" or "two" => 2, "drei" or "three" => 3, "vier" or "four" => 4, "fünf" or "five" => 5, "sechs" or "six" => 6,
        "sieben" or "seven" => 7, "acht" or "eight" => 8, "neun" or "nine" => 9, "zehn" or "ten" => 10,
        "elf" or "eleven" => 11, _ => 12,
    };

    /// <summary>"zwischen März und Mai 2025", "von März bis Mai", "between March and May 2025", "from March to May".</summary>
    [GeneratedRegex(@"\b(?:zwischen|between|von|vom|from)\s+(?:dem\s+)?(?<m1>" + Month + @")(?:\s+(?<y1>" + Year + @"))?\s+(?:und|and|bis|to|until|-)\s+(?:zum\s+)?(?<m2>" + Month + @")(?:\s+(?<y2>" + Year + @"))?\b", RegexOptions.IgnoreCase)]
    public static partial Regex MonthRange();

    /// <summary>"am 3. Juli 2025", "vom 3. Juli", "on 3 July 2025", "on July 3, 2025".</summary>
    [GeneratedRegex(@"(?:\b(?:am|vom|on|of)\s+)?(?:\b(?<d>\d{1,2})(?:\.|st|nd|rd|th)?\s+(?<m>" + Month + @")|\b(?<m>" + Month + @")\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b,?)(?:\s+(?<y>" + Year + @"))?\b", RegexOptions.IgnoreCase)]
    public static partial Regex Day();

    /// <summary>"seit Mai", "seit März 2025", "since May 2025", "seit 2024".</summary>
    [GeneratedRegex(@"\b(?:seit|since)\s+(?:dem\s+)?(?:(?<m>" + Month + @")(?:\s+(?<y>" + Year + @"))?|(?<y>" + Year + @"))\b", RegexOptions.IgnoreCase)]
    public static partial Regex Since();

    /// <summary>"im Juni 2025", "vom April 2024", "Juni 2025", "in June 2025", "im Juni" (most recent June).</summary>
    [GeneratedRegex(@"(?:\b(?:im|vom|von|aus\s+dem|in|from|of|during)\s+)?\b(?<m>" + Month + @")\s+(?<y>" + Year + @")\b|\b(?:im|vom|in|during)\s+(?<m>" + Month + @")\b", RegexOptions.IgnoreCase)]
    public static partial Regex MonthYear();

    /// <summary>"letzte Woche", "in der vergangenen Woche", "last week", "diese Woche", "this week".</summary>
    [GeneratedRegex(@"\b(?:(?:in\s+)?der\s+)?(?:(?<last>letzte[n]?|vergangene[n]?|vorige[n]?|last|past)|(?<this>diese[rn]?|this))\s+(?:woche|week)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Week();

    /// <summary>"letzten Monat", "im vergangenen Monat", "last month", "diesen Monat", "this month".</summary>
    [GeneratedRegex(@"\b(?:im\s+|in\s+diesem\s+)?(?:(?<last>letzte[nm]?|vergangene[nm]?|vorige[nm]?|last|past)|(?<this>diese[nm]?|this))\s+(?:monat|month)\b", RegexOptions.IgnoreCase)]
    public static partial Regex MonthRelative();

    /// <summary>"vor zwei Monaten", "vor drei Wochen", "vor 5 Tagen", "two months ago", "a week ago".</summary>
    [GeneratedRegex(@"\bvor\s+(?<n>" + Count + @")\s+(?<unit>tag(?:en)?|woche[n]?|monat(?:en)?)\b|\b(?<n>" + Count + @")\s+(?<unit>days?|weeks?|months?)\s+ago\b", RegexOptions.IgnoreCase)]
    public static partial Regex Ago();

    [GeneratedRegex(@"\b(?:gestern|yesterday)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Yesterday();

    /// <summary>Year-level phrases: "dieses Jahr", "in diesem Jahr", "letztes Jahr", "this year", "last year", "vor zwei Jahren".</summary>
    [GeneratedRegex(@"\b(?:(?<this>dieses|diesem|this)|(?<last>letztes|letzten|vergangenes|vergangenen|voriges|vorigen|last))\s+(?:jahr(?:es)?|year)\b|\bvor\s+(?<n>" + Count + @")\s+jahr(?:en)?\b|\b(?<n>" + Count + @")\s+years?\s+ago\b", RegexOptions.IgnoreCase)]
    public static partial Regex YearRelative();

    [GeneratedRegex(@"\b(?<y>" + Year + @")\b")]
    public static partial Regex BareYear();
}
