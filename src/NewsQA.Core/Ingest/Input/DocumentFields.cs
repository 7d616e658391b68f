using NewsQA.Core.Language;

namespace NewsQA.Core.Ingest.Input;

/// <summary>
/// Bounds on a document's metadata, for every way in (API, CLI, seeds): each field has a length limit, so one
/// anonymous search with <c>top: 50</c> cannot fetch 50 copies of a 4 MB title, and <c>url</c> is an absolute
/// http(s) URL — never <c>javascript:</c>, <c>data:</c>, <c>file:</c> or free text, which search results and
/// citations hand to readers as links.
/// </summary>
public static class DocumentFields
{
    public const int MaxTitleChars = 500;
    public const int MaxSourceChars = 200;
    public const int MaxUrlChars = 2_048;

    /// <summary>Throws <see cref="DocumentRejectedException"/> naming the first field that breaks its bound.</summary>
    public static void Check(DocumentInput input)
    {
        Length("title", input.Title, MaxTitleChars);
        Length("source", input.Source, MaxSourceChars);
        Length("url", input.Url, MaxUrlChars);
        if (!string.IsNullOrWhiteSpace(input.Title) && !HasVisibleText(input.Title))
        {
            throw new DocumentRejectedException("title", "'title' holds only invisible characters (such as U+200B); give a readable title or none.");
        }
        if (!string.IsNullOrWhiteSpace(input.Url) && !IsHttpUrl(input.Url.Trim()))
        {
            throw new DocumentRejectedException("url", "'url' must be an absolute http or https URL.");
        }

        if (!string.IsNullOrWhiteSpace(input.Language) && LanguageCode.Normalize(input.Language) is null)
        {
            throw new DocumentRejectedException("language", $"'language' must be {LanguageCode.Describe}.");
        }
    }

    /// <summary>A title taken from the text (the first line of a one-line item) is shortened at a word, not refused.</summary>
    public static string CapExtractedTitle(string title)
    {
        if (title.Length <= MaxTitleChars)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', MaxTitleChars - 1);
        return title[..(cut > MaxTitleChars / 2 ? cut : MaxTitleChars - 1)].TrimEnd() + "…";
    }

    /// <summary>
    /// Whether a reader would see anything: a letter, digit, mark, punctuation or symbol, as opposed to spaces,
    /// controls and format characters (zero-width space and joiners, word joiner, bidi marks), which render as nothing.
    /// </summary>
    public static bool HasVisibleText(string text) => text.EnumerateRunes().Any(r => System.Text.Rune.GetUnicodeCategory(r) is not (
        System.Globalization.UnicodeCategory.SpaceSeparator or System.Globalization.UnicodeCategory.LineSeparator
        or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Control
        or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.OtherNotAssigned
        or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse));

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    private static void Length(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            throw new DocumentRejectedException(field, $"'{field}' is {value.Length} characters long; the limit is {max}.");
        }
    }
}
