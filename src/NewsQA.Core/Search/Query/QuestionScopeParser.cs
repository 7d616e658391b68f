using System.Text.RegularExpressions;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Search.Query;

/// <summary>
/// Reads the dates and sources a question names (German and English) into a <see cref="QuestionScope"/>:
/// absolute ("im Juni 2025", "vom 3. Juli 2025", "zwischen März und Mai 2025", "seit Mai") and relative to
/// <c>reference</c> ("letzte Woche", "vor zwei Monaten", "dieses Jahr"); named sources ("laut dpa-AFX") and kinds
/// ("die Nachrichtenagentur", "im Newsblog"). A month without a year is the most recent one up to the reference.
/// </summary>
public static class QuestionScopeParser
{
    public static QuestionScope Parse(string question, DateOnly reference)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question;
        PublicationDate? from, to;
        int? preferredYear;
        try
        {
            ReadDates(ref text, reference, out from, out to, out preferredYear);
        }
        catch (ArgumentOutOfRangeException)
        {
            // The phrase reaches past the calendar's ends (a reference date near 0001-01-01 or 9999-12-31): it is read
            // and left out of the text, but restricts nothing.
            (from, to, preferredYear) = (null, null, null);
        }

        if (!InCalendar(from) || !InCalendar(to) || preferredYear is < 1 or > 9999)
        {
            (from, to, preferredYear) = (null, null, null);
        }

        var sources = new List<string>();
        var kind = SourceKind.None;
        while (Take(ref text, SourcePhrases.NamedSource()) is { } named)
        {
            sources.Add(SourcePhrases.Agencies.First(a => string.Equals(a, named.Groups["name"].Value, StringComparison.OrdinalIgnoreCase)));
        }

        if (Take(ref text, SourcePhrases.AssociatedPress()) is not null)
        {
            sources.Add("AP");
        }

        if (sources.Count == 0 && Take(ref text, SourcePhrases.AgencyKind()) is not null)
        {
            kind = SourceKind.Agency;
            sources.AddRange(SourcePhrases.Agencies);
        }
        else if (Take(ref text, SourcePhrases.BlogKind()) is not null)
        {
            kind = SourceKind.Blog;
        }

        if (sources.Count > 0 || kind != SourceKind.None)
        {
            text = SourcePhrases.ReportingVerb().Replace(text, string.Empty, 1);
        }

        return new QuestionScope(Tidy(text))
        {
            PublishedFrom = from,
            PublishedTo = to,
            PreferredYear = preferredYear,
            Sources = sources.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            SourceKind = kind,
        };
    }

    private static Match? Take(ref string text, Regex pattern)
    {
        var match = pattern.Match(text);
        if (!match.Success)
        {
            return null;
        }

        text = text.Remove(match.Index, match.Length).Insert(match.Index, " ");
        return match;
    }

    private static int? Year(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The latest month of that name not after the reference: "im Juni", asked in March 2026, is June 2025.</summary>
    private static PublicationDate MostRecent(int month, DateOnly reference) =>
        new(month <= reference.Month ? reference.Year : reference.Year - 1, month);

    private static string Tidy(string text)
    {
        var collapsed = Regex.Replace(text, @"\s+", " ").Trim();
        return Regex.Replace(collapsed, @"\s+([?.!,;:])", "$1");
    }

    /// <summary>The first date phrase of <paramref name="text"/> (taken out of it) as a publication range or a preferred year.</summary>
    private static void ReadDates(ref string text, DateOnly reference, out PublicationDate? from, out PublicationDate? to, out int? preferredYear)
    {
        from = null;
        to = null;
        preferredYear = null;

        // Most specific first: a range or a day would otherwise be read as a month.
        if (Take(ref text, DatePhrases.MonthRange()) is { } range)
        {
            var y2 = Year(range, "y2") ?? Year(range, "y1");
            var y1 = Year(range, "y1") ?? y2;
            var m1 = DatePhrases.MonthOf(range.Groups["m1"].Value);
            var m2 = DatePhrases.MonthOf(range.Groups["m2"].Value);
            var end = y2 is { } e ? new PublicationDate(e, m2) : MostRecent(m2, reference);
            var start = y1 is { } s ? new PublicationDate(s, m1) : new PublicationDate(m1 <= m2 ? end.Year : end.Year - 1, m1);
            (from, to) = (start, end);
        }
        else if (Take(ref text, DatePhrases.Day()) is { } dayPhrase)
        {
            var month = DatePhrases.MonthOf(dayPhrase.Groups["m"].Value);
            var year = Year(dayPhrase, "y") ?? MostRecent(month, reference).Year;
            var d = Math.Min(int.Parse(dayPhrase.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture), DateTime.DaysInMonth(year, month));
            from = to = new PublicationDate(year, month, Math.Max(d, 1));
        }
        else if (Take(ref text, DatePhrases.Since()) is { } since)
        {
            from = since.Groups["m"].Success
                ? Year(since, "y") is { } y ? new PublicationDate(y, DatePhrases.MonthOf(since.Groups["m"].Value)) : MostRecent(DatePhrases.MonthOf(since.Groups["m"].Value), reference)
                : new PublicationDate(Year(since, "y")!.Value);
        }
        else if (Take(ref text, DatePhrases.MonthYear()) is { } monthYear)
        {
            var month = DatePhrases.MonthOf(monthYear.Groups["m"].Value);
            from = to = Year(monthYear, "y") is { } y ? new PublicationDate(y, month) : MostRecent(month, reference);
        }
        else if (Take(ref text, DatePhrases.Week()) is { } week)
        {
            var monday = reference.AddDays(-(((int)reference.DayOfWeek + 6) % 7));
            var start = week.Groups["last"].Success ? monday.AddDays(-7) : monday;
            (from, to) = (PublicationDate.Of(start), PublicationDate.Of(week.Groups["last"].Success ? start.AddDays(6) : reference));
        }
        else if (Take(ref text, DatePhrases.MonthRelative()) is { } monthRelative)
        {
            var month = reference.AddMonths(monthRelative.Groups["last"].Success ? -1 : 0);
            from = to = new PublicationDate(month.Year, month.Month);
        }
        else if (Take(ref text, DatePhrases.Ago()) is { } ago)
        {
            var n = DatePhrases.CountOf(ago.Groups["n"].Value);
            var unit = ago.Groups["unit"].Value.ToLowerInvariant();
            if (unit.StartsWith("tag", StringComparison.Ordinal) || unit.StartsWith("day", StringComparison.Ordinal))
            {
                from = to = PublicationDate.Of(reference.AddDays(-n));
            }
            else if (unit.StartsWith("woche", StringComparison.Ordinal) || unit.StartsWith("week", StringComparison.Ordinal))
            {
                var day = reference.AddDays(-7 * n);
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                (from, to) = (PublicationDate.Of(monday), PublicationDate.Of(monday.AddDays(6)));
            }
            else
            {
                var month = reference.AddMonths(-n);
                from = to = new PublicationDate(month.Year, month.Month);
            }
        }
        else if (Take(ref text, DatePhrases.Yesterday()) is not null)
        {
            from = to = PublicationDate.Of(reference.AddDays(-1));
        }
        else if (DatePhrases.YearRelative().Match(text) is { Success: true } yearRelative)
        {
            // Kept in the text: "in diesem Jahr produzieren" is about the event, and the words still match it.
            preferredYear = yearRelative.Groups["this"].Success ? reference.Year
                : yearRelative.Groups["last"].Success ? reference.Year - 1
                : reference.Year - DatePhrases.CountOf(yearRelative.Groups["n"].Value);
        }
        else if (DatePhrases.BareYear().Match(text) is { Success: true } bareYear)
        {
            preferredYear = int.Parse(bareYear.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static bool InCalendar(PublicationDate? date) => date is not { Year: < 1 or > 9999 };
}
