using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace NewsQA.Core.Ingest.Input.Html;

/// <summary>
/// A web page to its article: metadata from the head (<see cref="HtmlMetadata"/>), chrome removed
/// (<see cref="HtmlFurniture"/>), the main text found by SmartReader (Mozilla Readability's port, the algorithm
/// Firefox's reader view uses) and turned into paragraphs (<see cref="HtmlText"/>). It parses only: SmartReader is
/// handed the parsed document and never fetches the page, its images or anything else. The text then goes through the
/// same cleaning as a text file.
/// </summary>
public static class HtmlArticleReader
{
    /// <summary>Elements a page may have before it is refused as not an article (Readability's own guard, the same figure).</summary>
    public const int MaxElements = 100_000;

    /// <summary>
    /// How deeply elements may nest. Readability and the text walk recurse over the tree; a hostile page of ten
    /// thousand nested elements must be refused, not overflow the stack. Real pages nest a few dozen levels.
    /// </summary>
    public const int MaxDepth = 400;

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    /// <summary>The page's article, or null when it holds no readable text.</summary>
    /// <param name="html">The decoded page.</param>
    /// <param name="pageUrl">Where the page lives, to resolve a relative canonical link; null when unknown.</param>
    public static HtmlPage? Read(string html, Uri? pageUrl = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var page = Parser.ParseDocument(html);
        if (page.All.Length > MaxElements || DepthExceeds(page.DocumentElement, MaxDepth))
        {
            return null;
        }

        var metadata = HtmlMetadata.Read(page, pageUrl);
        HtmlFurniture.Remove(page);
        // The headline is the document's title (read above), not a line of its text. Readability is not told the title
        // either: it would drop a heading that resembles it, and a news blog's first entry often repeats its headline.
        foreach (var heading in page.QuerySelectorAll("h1, title").ToList())
        {
            heading.Remove();
        }

        var text = MainText(page, pageUrl);
        return string.IsNullOrWhiteSpace(text) ? null : metadata with { Text = text };
    }

    /// <summary>Iterative, so the check itself cannot overflow.</summary>
    private static bool DepthExceeds(AngleSharp.Dom.IElement root, int max)
    {
        var pending = new Stack<(AngleSharp.Dom.IElement Element, int Depth)>([(root, 1)]);
        while (pending.TryPop(out var next))
        {
            if (next.Depth > max)
            {
                return true;
            }

            foreach (var child in next.Element.Children)
            {
                pending.Push((child, next.Depth + 1));
            }
        }

        return false;
    }

    private static string? MainText(IHtmlDocument page, Uri? pageUrl)
    {
        // Readability judges by the body alone; a fallback keeps a short item (one paragraph) that it finds "not readable".
        var fallback = HtmlText.Of(page.Body ?? (AngleSharp.Dom.INode)page);
        using var reader = new Reader((pageUrl ?? new Uri("https://article.invalid/")).AbsoluteUri, page)
        {
            ContinueIfNotReadable = true,
            CharThreshold = 0,
        };
        var article = reader.GetArticle();
        if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content))
        {
            return fallback;
        }

        using var content = Parser.ParseDocument(article.Content);
        return HtmlText.Of(content.Body!);
    }
}
