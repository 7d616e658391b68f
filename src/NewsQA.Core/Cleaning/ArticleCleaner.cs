using System.Globalization;
using NewsQA.Core.Documents;
using NewsQA.Core.Text;

namespace NewsQA.Core.Cleaning;

/// <summary>
/// Turns a scraped article (seed format: date marker, breadcrumb, page date, dateline, credits,
/// share and related-links furniture) into metadata and a clean body. It removes only whole lines
/// of page chrome and a few anchored fragments (dateline, credit, editor initials), so no sentence
/// of the article itself is lost.
/// </summary>
public static class ArticleCleaner
{
    private const int MaxTitleLength = 160;

    /// <summary>Cleans a raw article; metadata found in the text fills what <paramref name="known"/> leaves empty.</summary>
    public static CleanedArticle Clean(string raw, ArticleMetadata? known = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        known ??= new ArticleMetadata();
        var text = TextNormalizer.Normalize(raw);
        var lines = text.Split('\n').Select(l => BoilerplatePatterns.RunsOfSpaces().Replace(l.Trim(), " ")).ToList();

        PublicationDate? date = known.PublishedAt;
        var source = known.Source;
        string? title = known.Title;
        string? crumbTitle = null;

        var body = new List<string>();
        var skippingRelatedBlock = false;
        var trailerBrandPending = false;
        for (var n = 0; n < lines.Count; n++)
        {
            var line = lines[n];
            if (body.Count == 0 && BoilerplatePatterns.DateMarker().Match(line) is { Success: true } marker)
            {
                if (PublicationDate.TryParse(marker.Groups["date"].Value, out var d))
                {
                    date ??= d;
                }

                line = line[marker.Length..].TrimStart();
            }

            if (line.Length == 0)
            {
                body.Add(string.Empty);
                continue;
            }

            if (skippingRelatedBlock)
            {
                if (!LooksLikeParagraph(line))
                {
                    // The first short line of a trailer is usually the publication's brand ("Perspektive Online").
                    if (trailerBrandPending && source is null && IsBrandLine(line))
                    {
                        source = line;
                    }

                    trailerBrandPending = false;
                    continue;
                }

                skippingRelatedBlock = false;
            }

            if (BoilerplatePatterns.RelatedBlockMarkers.Contains(TrimTrailingPunctuation(line)))
            {
                skippingRelatedBlock = true;
                trailerBrandPending = true;
                continue;
            }

            if (BoilerplatePatterns.ChromeLines.Contains(line) || BoilerplatePatterns.CreditLine().IsMatch(line))
            {
                continue;
            }

            if (BoilerplatePatterns.Breadcrumb().Match(line) is { Success: true } crumb)
            {
                var parts = crumb.Groups["crumbs"].Value.Split(['»', '›'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                crumbTitle ??= parts.Length > 0 ? parts[^1] : null;
                continue;
            }

            if (TryParsePageDate(line, out var pageDate))
            {
                date ??= pageDate;
                continue;
            }

            line = BoilerplatePatterns.InlinePhotoCredit().Replace(line, string.Empty).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            body.Add(line);
        }

        TrimBlankLines(body);
        StripDateline(body, ref source);

        if (body.Count > 0)
        {
            var last = body[^1];
            if (BoilerplatePatterns.TrailingAgencyTag().Match(last) is { Success: true } tag)
            {
                source ??= tag.Groups["agency"].Value;
                last = last[..tag.Index];
            }

            last = BoilerplatePatterns.AgencyTrailer().Replace(last, string.Empty);
            body[^1] = last.TrimEnd();

            // A line that held only the trailer is gone now; it must not be taken for an (empty) headline.
            TrimBlankLines(body);
        }

        // The headline: an explicit one wins; else the breadcrumb's last crumb; else a first line that is not a sentence.
        if (title is null && crumbTitle is not null)
        {
            title = crumbTitle;
        }

        if (title is null && body.Count > 0 && IsHeadline(body[0]))
        {
            title = body[0];
            body.RemoveAt(0);
        }
        else if (title is not null && body.Count > 0 && string.Equals(body[0], title, StringComparison.Ordinal) && IsHeadline(body[0]))
        {
            // Pages repeat the headline under the breadcrumb; once is metadata enough. A first line that is a
            // sentence stays even when it equals the title: it is article text (and the title may have come from it).
            body.RemoveAt(0);
        }

        TrimBlankLines(body);

        // "Headline\nKIEW (dpa-AFX) - …": the dateline opens the line after the headline, so look again once it is gone.
        StripDateline(body, ref source);
        var cleanText = JoinParagraphs(body);
        title ??= TitleFromFirstSentence(cleanText);
        return new CleanedArticle(title.Trim(), date, string.IsNullOrWhiteSpace(source) ? null : source.Trim(), cleanText);
    }

    private static void StripDateline(List<string> body, ref string? source)
    {
        if (body.Count > 0 && BoilerplatePatterns.AgencyDateline().Match(body[0]) is { Success: true } dateline)
        {
            source ??= dateline.Groups["agency"].Value.Trim();
            body[0] = body[0][dateline.Length..];
            TrimBlankLines(body);
        }
    }

    private static bool TryParsePageDate(string line, out PublicationDate date)
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

    private static int? MonthNumber(string name)
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
    private static bool IsHeadline(string line) =>
        line.Length > 0 && line.Length <= MaxTitleLength && !EndsLikeSentence(line) && line.Split(' ').Length <= 24;

    private static bool LooksLikeParagraph(string line) => line.Split(' ').Length >= 10 && EndsLikeSentence(line);

    private static bool IsBrandLine(string line) =>
        line.Length <= 40 && !EndsLikeSentence(line) && line.Split(' ').Length <= 4 && char.IsUpper(line[0]);

    private static bool EndsLikeSentence(string line)
    {
        var t = line.TrimEnd('"', '\'', '”', '“', '’', '«', '»', ')', ' ');
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…' or ':';
    }

    private static string TrimTrailingPunctuation(string line) => line.TrimEnd(':', '.', ' ', '…', '»', '>');

    private static string TitleFromFirstSentence(string text)
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

    private static void TrimBlankLines(List<string> lines)
    {
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
    }

    /// <summary>Keeps single line breaks; a run of blank lines becomes one blank line between paragraphs.</summary>
    private static string JoinParagraphs(List<string> lines)
    {
        var result = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Length == 0 && (result.Count == 0 || result[^1].Length == 0))
            {
                continue;
            }

            result.Add(line);
        }

        return string.Join('\n', result).Trim();
    }
}

/// <summary>Metadata the caller already knows (from JSON fields); the cleaner does not override it.</summary>
public sealed record ArticleMetadata
{
    public string? Title { get; init; }
    public PublicationDate? PublishedAt { get; init; }
    public string? Source { get; init; }
}
