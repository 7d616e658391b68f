using System.Globalization;
using NewsQA.Core.Documents;
using NewsQA.Core.Text;

namespace NewsQA.Core.Ingest.Cleaning;

/// <summary>
/// Turns a scraped article (seed format: date marker, breadcrumb, page date, dateline, credits,
/// share and related-links furniture) into metadata and a clean body. It removes only whole lines
/// of page chrome and a few anchored fragments (dateline, credit, editor initials), so no sentence
/// of the article itself is lost.
/// </summary>
public static class ArticleCleaner
{
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
                    if (trailerBrandPending && source is null && MetadataLines.IsBrandLine(line))
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

            if (BoilerplatePatterns.IsChromeLine(lines, n) || BoilerplatePatterns.CreditLine().IsMatch(line))
            {
                continue;
            }

            if (BoilerplatePatterns.Breadcrumb().Match(line) is { Success: true } crumb)
            {
                var parts = crumb.Groups["crumbs"].Value.Split(['»', '›'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                crumbTitle ??= parts.Length > 0 ? parts[^1] : null;
                continue;
            }

            if (MetadataLines.TryParsePageDate(line, out var pageDate))
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
        MetadataLines.StripOpeningDatelinesAndDates(body, ref source, ref date);

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

        if (title is null && body.Count > 0 && MetadataLines.IsHeadline(body[0]))
        {
            title = body[0];
            // A one-line item ("Eilmeldung: Erdbeben … erschüttert Tokio") is its own headline and its own text.
            if (body.Skip(1).Any(l => l.Length > 0))
            {
                body.RemoveAt(0);
            }
        }
        else if (title is not null && body.Count > 0 && string.Equals(body[0], title, StringComparison.Ordinal) && MetadataLines.IsHeadline(body[0]))
        {
            // Pages repeat the headline under the breadcrumb; once is metadata enough. A first line that is a
            // sentence stays even when it equals the title: it is article text (and the title may have come from it).
            body.RemoveAt(0);
        }

        TrimBlankLines(body);

        // "Headline\nKIEW (dpa-AFX) - …": the dateline opens the line after the headline, so look again once it is gone.
        MetadataLines.StripOpeningDatelinesAndDates(body, ref source, ref date);
        var cleanText = JoinParagraphs(body);
        title ??= MetadataLines.TitleFromFirstSentence(cleanText);
        return new CleanedArticle(title.Trim(), date, string.IsNullOrWhiteSpace(source) ? null : source.Trim(), cleanText);
    }

    private static bool LooksLikeParagraph(string line) => line.Split(' ').Length >= 10 && MetadataLines.EndsLikeSentence(line);

    private static string TrimTrailingPunctuation(string line) => line.TrimEnd(':', '.', ' ', '…', '»', '>');

    internal static void TrimBlankLines(List<string> lines)
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
