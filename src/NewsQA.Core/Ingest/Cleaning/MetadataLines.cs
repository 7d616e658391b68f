using System.Globalization;
using NewsQA.Core.Documents;
using NewsQA.Core.Text;

namespace NewsQA.Core.Ingest.Cleaning;

/// <summary>
/// What the cleaner reads metadata from, apart from how it walks the page: page dates and date markers,
/// agency datelines, brand lines, headlines and the fallback title. <see cref="ArticleCleaner"/> calls these in its
/// one pass over the lines; keeping them here keeps that pass about what is body and what is not.
/// </summary>
internal static class MetadataLines
{
    internal const int MaxTitleLength = 160;

    /// <summary>
    /// Strips the datelines that open the body ("KIEW (dpa-AFX) - "), and a page date line one of them exposes, until
    /// neither opens it: a scraped page may repeat the dateline, and stripping one layer per pass would leave a second
    /// pass of the cleaner something to remove (cleaning clean text must keep it, TextProperties).
    /// </summary>
    internal static void StripOpeningDatelinesAndDates(List<string> body, ref string? source, ref PublicationDate? date)
    {
        while (body.Count > 0)
        {
            if (BoilerplatePatterns.AgencyDateline().Match(body[0]) is { Success: true } dateline)
            {
                source ??= dateline.Groups["agency"].Value.Trim();
                body[0] = body[0][dateline.Length..].Trim();
            }
            else if (TryParsePageDate(body[0], out var pageDate))
            {
                date ??= pageDate;
                body.RemoveAt(0);
            }
            else
            {
                return;
            }

            ArticleCleaner.TrimBlankLines(body);
        }
    }

    internal static bool TryParsePageDate(string line, out PublicationDate date)
    {
        date = default;
        var m = BoilerplatePatterns.WeekdayMonthDayYear().Match(line);
        if (!m.Success)
        {
            m = BoilerplatePatterns.WeekdayDayMonthYear().Match(line);
        }

        if (!m.Success || MonthNumber(m.Groups["month"].Value) is not { } month)
        {
            return false;
        }

        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new PublicationDate(year, month, day);
        return true;
    }

    internal static int? MonthNumber(string name)
    {
        string[][] names =
        [
            ["januar", "jänner", "january"], ["februar", "february"], ["märz", "march"], ["april"], ["mai", "may"], ["juni", "june"],
            ["juli", "july"], ["august"], ["september"], ["oktober", "october"], ["november"], ["dezember", "december"],
        ];
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Contains(name.ToLowerInvariant()))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>A line is a headline when it does not end like a sentence and is not too long for one.</summary>
    internal static bool IsHeadline(string line) =>
        line.Length > 0 && line.Length <= MaxTitleLength && !EndsLikeSentence(line) && line.Split(' ').Length <= 24;

    internal static bool IsBrandLine(string line) =>
        line.Length <= 40 && !EndsLikeSentence(line) && line.Split(' ').Length <= 4 && char.IsUpper(line[0]);

    /// <summary>A line introducing what follows (ending in ':') is body text, never a headline or brand line.</summary>
    internal static bool EndsLikeSentence(string line) => SentenceEnd.IsComplete(line) || SentenceEnd.IntroducesWhatFollows(line);

    internal static string TitleFromFirstSentence(string text)
    {
        var sentences = SentenceSplitter.Split(text);
        if (sentences.Count == 0)
        {
            return "(untitled)";
        }

        var first = sentences[0].Slice(text);
        if (first.Length <= MaxTitleLength)
        {
            return first;
        }

        var cut = first.LastIndexOf(' ', MaxTitleLength - 1);
        if (cut < MaxTitleLength / 2)
        {
            cut = MaxTitleLength - 1;
        }

        if (char.IsHighSurrogate(first[cut - 1]))
        {
            cut--;
        }

        return first[..cut].TrimEnd() + "…";
    }
}
