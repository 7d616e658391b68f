using System.Text.RegularExpressions;

namespace NewsQA.Core.Ingest.Cleaning;

/// <summary>
/// The shapes of page furniture that scraped news text drags along. Every pattern is anchored and
/// linear, so a megabyte-long line cannot make the cleaner backtrack for long.
/// </summary>
internal static partial class BoilerplatePatterns
{
    /// <summary>Whole lines that are page chrome, never article text.</summary>
    public static readonly HashSet<string> ChromeLines = new(StringComparer.OrdinalIgnoreCase)
    {
        "`", "``", "```", "More", "Mehr", "Menü", "Menu", "Teilen", "Share", "Artikel teilen", "Seite teilen", "Drucken", "Print",
        "Von", "Von:", "By", "Facebook", "Twitter", "X", "WhatsApp", "E-Mail", "Email", "Link kopieren", "Kopieren",
        "Anzeige", "Werbung", "Kommentare", "Kommentieren", "Merken", "Zur Startseite", "Nach oben", "Weiterlesen",
        "Schließen", "Abonnieren", "Newsletter", "Zurück", "Home", "Startseite", "Pinterest", "LinkedIn", "Telegram",
    };

    /// <summary>
    /// Share-button labels. They come in bars ("Teilen", "Facebook", "X", "WhatsApp"), so one counts as chrome only
    /// next to another chrome line: alone ("Ein Satz hier.\nx") it is article text.
    /// </summary>
    public static readonly HashSet<string> ShareLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "Facebook", "Twitter", "X", "WhatsApp", "E-Mail", "Email", "Pinterest", "LinkedIn", "Telegram",
    };

    /// <summary>Whether line <paramref name="n"/> of <paramref name="lines"/> is chrome (see <see cref="ShareLabels"/>).</summary>
    public static bool IsChromeLine(IReadOnlyList<string> lines, int n)
    {
        var line = lines[n];
        if (!ChromeLines.Contains(line))
        {
            return false;
        }

        if (!ShareLabels.Contains(line))
        {
            return true;
        }

        var before = Neighbour(lines, n, -1);
        var after = Neighbour(lines, n, +1);
        return (before is not null && ChromeLines.Contains(before)) || (after is not null && ChromeLines.Contains(after));
    }

    private static string? Neighbour(IReadOnlyList<string> lines, int n, int step)
    {
        for (var i = n + step; i >= 0 && i < lines.Count; i += step)
        {
            if (lines[i].Length > 0)
            {
                return lines[i];
            }
        }

        return null;
    }

    /// <summary>Lines that open a block of links to other articles: the block is dropped up to the next real paragraph.</summary>
    public static readonly HashSet<string> RelatedBlockMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mehr lesen", "Weitere News", "Weitere Nachrichten", "Verwandte Beiträge", "Verwandte Artikel", "Ähnliche Artikel",
        "Das könnte Sie auch interessieren", "Das könnte dich auch interessieren", "Auch interessant", "Lesen Sie auch",
        "Mehr zum Thema", "Related", "Related articles", "Read more", "More news", "Top-Themen", "Meistgelesen",
        "Empfehlungen", "Weitere Artikel",
    };

    [GeneratedRegex(@"^\s*date\s+(?<date>\d{4}(?:-\d{2}){0,2})\b[ \t]*", RegexOptions.CultureInvariant)]
    public static partial Regex DateMarker();

    [GeneratedRegex(@"^(?:Home|Startseite|Start)\s*[»>›/|]\s*(?<crumbs>.+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex Breadcrumb();

    /// <summary>"Dienstag, April 30, 2024" (English order, as some CMS print it).</summary>
    [GeneratedRegex(@"^(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?<month>[A-Za-zäÄ]+)\s+(?<day>\d{1,2}),?\s+(?<year>\d{4})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex WeekdayMonthDayYear();

    /// <summary>"Dienstag, 30. April 2024" (German order).</summary>
    [GeneratedRegex(@"^(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+(?<day>\d{1,2})\.\s*(?<month>[A-Za-zäÄ]+)\s+(?<year>\d{4})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex WeekdayDayMonthYear();

    /// <summary>"KIEW (dpa-AFX) - " at the start of the body: place, agency, dash.</summary>
    [GeneratedRegex(@"^(?<place>[A-ZÄÖÜ][A-ZÄÖÜ\./\- ]{1,40}?)\s*\((?<agency>[A-Za-z][A-Za-z\-/ ]{1,24})\)\s*[-–—]\s+", RegexOptions.CultureInvariant)]
    public static partial Regex AgencyDateline();

    /// <summary>Editor initials at the very end: "…Marschflugkörpern./ksr/DP/stw".</summary>
    [GeneratedRegex(@"\s*/[A-Za-z]{1,5}(?:/[A-Za-z]{1,5}){1,4}\s*$", RegexOptions.CultureInvariant)]
    public static partial Regex AgencyTrailer();

    /// <summary>A trailing agency tag: "(dpa)", "(AFP/Reuters)".</summary>
    [GeneratedRegex(@"\s*\((?<agency>dpa(?:-AFX)?|AFP|Reuters|AP|KNA|epd|dts|APA|sda|red)(?:\s*/\s*[A-Za-z\-]{1,12}){0,3}\)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex TrailingAgencyTag();

    /// <summary>Photo credits inside a caption: "(Quelle: Virginia Mayo)", "(Foto: dpa)".</summary>
    [GeneratedRegex(@"\s*\((?:Quelle|Foto|Fotos|Bild|Bildquelle|Credit|Photo|Copyright|©)\s*:?\s*[^()\n]{1,80}\)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex InlinePhotoCredit();

    /// <summary>A whole line that is only a credit: "Foto: dpa", "© Reuters".</summary>
    [GeneratedRegex(@"^(?:(?:Foto|Fotos|Bild|Bildquelle|Quelle|Photo|Credit)s?\s*:|©|\(c\))\s*[^\n]{0,80}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex CreditLine();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    public static partial Regex RunsOfSpaces();
}
