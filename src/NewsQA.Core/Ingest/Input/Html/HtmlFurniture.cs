using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsQA.Core.Ingest.Input.Html;

/// <summary>
/// Page chrome removed before Readability scores the page: what is never article text by its element (navigation,
/// forms, embedded frames), by its ARIA role, or by the names sites give it in <c>class</c>/<c>id</c> (cookie banners,
/// share bars, teaser and related lists, newsletter boxes, bylines). Readability alone keeps a teaser list that sits
/// inside the article's container; this pass takes it out first. An element that holds the article itself
/// (<c>article</c>, <c>main</c>, <c>articleBody</c>) is never removed by its name, so a layout class on a wrapper
/// ("page-with-sidebar") cannot take the text with it.
/// </summary>
internal static class HtmlFurniture
{
    private static readonly string[] NeverText =
        ["script", "style", "noscript", "template", "iframe", "object", "embed", "form", "button", "nav", "aside", "svg", "dialog", "select", "input", "textarea", "link", "meta"];

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
        { "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar" };

    /// <summary>Words of a <c>class</c> or <c>id</c> (split at spaces, '-' and '_') that name page chrome.</summary>
    private static readonly HashSet<string> ChromeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cookie", "cookies", "consent", "gdpr", "share", "sharing", "shares", "social", "teaser", "teasers", "related",
        "recommended", "recommendations", "newsletter", "comment", "comments", "breadcrumb", "breadcrumbs", "promo",
        "advert", "advertisement", "ad", "ads", "sponsored", "paywall", "subscribe", "sidebar", "menu", "nav",
        "navigation", "byline", "author", "tags", "toolbar", "banner", "popup", "modal", "footer", "masthead",

        // Consent-management platforms by the names their scripts give their containers.
        "cmp", "onetrust", "didomi", "usercentrics", "cybot", "cookiebot",
    };

    public static void Remove(IHtmlDocument page)
    {
        foreach (var element in page.QuerySelectorAll(string.Join(',', NeverText)).ToList())
        {
            element.Remove();
        }

        // A page's own header and footer (logo, menu, imprint); one inside the article holds its headline and date.
        foreach (var element in page.QuerySelectorAll("header, footer").Where(e => e.Closest("article, main, [itemprop~=articleBody]") is null).ToList())
        {
            element.Remove();
        }

        foreach (var element in page.Body?.QuerySelectorAll("*").Where(IsChrome).ToList() ?? [])
        {
            // An ancestor removed earlier in this pass took it along already.
            if (element.Parent is not null)
            {
                element.Remove();
            }
        }
    }

    private static bool IsChrome(IElement element)
    {
        if (element.LocalName is "article" or "main" or "body" || HoldsArticle(element))
        {
            return false;
        }

        if (element.GetAttribute("role") is { } role && ChromeRoles.Contains(role.Trim()))
        {
            return true;
        }

        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        return Words(element.GetAttribute("class")).Concat(Words(element.Id)).Any(ChromeWords.Contains);
    }

    private static bool HoldsArticle(IElement element) =>
        element.QuerySelector("article, main, [itemprop~=articleBody]") is not null || element.GetAttribute("itemprop")?.Contains("articleBody", StringComparison.Ordinal) == true;

    private static IEnumerable<string> Words(string? names) =>
        names?.Split([' ', '\t', '\n', '-', '_'], StringSplitOptions.RemoveEmptyEntries) ?? [];
}
