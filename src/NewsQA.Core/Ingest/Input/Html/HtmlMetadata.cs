using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using NewsQA.Core.Documents;

namespace NewsQA.Core.Ingest.Input.Html;

/// <summary>
/// A page's own statements about itself, in the order publishers' tools write them: Open Graph and
/// <c>article:*</c> meta tags first, then schema.org JSON-LD (<c>NewsArticle</c> and kin), then the visible markup
/// (<c>h1</c>, <c>time</c>, <c>title</c>). Read before Readability runs, since it rewrites the document.
/// </summary>
internal static class HtmlMetadata
{
    public static HtmlPage Read(IHtmlDocument page, Uri? pageUrl)
    {
        var ld = JsonLdArticles(page).ToList();
        var title = Meta(page, "og:title") ?? ld.Select(a => Text(a, "headline")).FirstOrDefault(t => t is not null)
            ?? Clean(page.QuerySelector("h1")?.TextContent) ?? Clean(page.Title);
        var date = DateOf(Meta(page, "article:published_time"))
            ?? ld.Select(a => DateOf(Text(a, "datePublished"))).FirstOrDefault(d => d is not null)
            ?? page.QuerySelectorAll("time[datetime]").Select(t => DateOf(t.GetAttribute("datetime"))).FirstOrDefault(d => d is not null);
        var source = Meta(page, "og:site_name") ?? ld.Select(Publisher).FirstOrDefault(p => p is not null);
        var canonical = Absolute(page.QuerySelector("link[rel~=canonical]")?.GetAttribute("href"), pageUrl)
            ?? Absolute(Meta(page, "og:url"), pageUrl);
        return new HtmlPage(string.Empty)
        {
            Title = title is null ? null : DocumentFields.CapExtractedTitle(title),
            PublishedAt = date,
            Source = source is { Length: <= DocumentFields.MaxSourceChars } ? source : null,
            CanonicalUrl = canonical,
        };
    }

    private static string? Meta(IHtmlDocument page, string name) =>
        page.QuerySelectorAll("meta")
            .Where(m => string.Equals(m.GetAttribute("property") ?? m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))
            .Select(m => Clean(m.GetAttribute("content")))
            .FirstOrDefault(v => v is not null);

    /// <summary>The date part of an ISO 8601 stamp, as the page wrote it (its own time zone's day).</summary>
    private static PublicationDate? DateOf(string? stamp)
    {
        if (stamp is null)
        {
            return null;
        }

        stamp = stamp.Trim();
        var day = stamp.Length > 10 && stamp[10] is 'T' or 't' or ' ' ? stamp[..10] : stamp;
        return PublicationDate.TryParse(day, out var date) ? date : null;
    }

    private static string? Absolute(string? href, Uri? pageUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var resolved = pageUrl is not null && Uri.TryCreate(pageUrl, href.Trim(), out var u) ? u.AbsoluteUri : href.Trim();
        return resolved.Length <= DocumentFields.MaxUrlChars && DocumentFields.IsHttpUrl(resolved) ? resolved : null;
    }

    /// <summary>The JSON-LD objects that describe an article (any <c>@type</c> ending in "Article" or "BlogPosting"), top level or in an <c>@graph</c>.</summary>
    private static IEnumerable<JsonElement> JsonLdArticles(IHtmlDocument page)
    {
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            JsonElement root;
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
                root = json.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Publishers' JSON-LD is often broken; the page's other metadata still counts.
                continue;
            }

            foreach (var item in Flatten(root).Where(IsArticle))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Flatten),
        JsonValueKind.Object when e.TryGetProperty("@graph", out var graph) => Flatten(graph),
        JsonValueKind.Object => [e],
        _ => [],
    };

    private static bool IsArticle(JsonElement e) =>
        e.TryGetProperty("@type", out var type)
        && (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()])
            .Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t is "BlogPosting" or "LiveBlogPosting" or "Report");

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Clean(v.GetString()) : null;

    private static string? Publisher(JsonElement e) =>
        e.TryGetProperty("publisher", out var p) ? p.ValueKind switch
        {
            JsonValueKind.Object => Text(p, "name"),
            JsonValueKind.Array => p.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).Select(x => Text(x, "name")).FirstOrDefault(n => n is not null),
            JsonValueKind.String => Clean(p.GetString()),
            _ => null,
        } : null;

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var collapsed = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }
}
