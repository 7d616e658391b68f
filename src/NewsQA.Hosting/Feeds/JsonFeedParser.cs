using System.Globalization;
using System.Text.Json;

namespace NewsQA.Hosting.Feeds;

/// <summary>JSON Feed 1.0/1.1 (jsonfeed.org/version/1.1): <c>items</c> with <c>id</c>, <c>url</c>, <c>title</c>, <c>content_html</c> or <c>content_text</c>, <c>date_published</c>, <c>date_modified</c>.</summary>
internal static class JsonFeedParser
{
    public static IReadOnlyList<FeedItem> Parse(byte[] body, Uri feedUrl)
    {
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            if (!json.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new FetchRefusedException("not an RSS, Atom or JSON feed");
            }

            return items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => ToItem(i, feedUrl)).OfType<FeedItem>().ToList();
        }
        catch (JsonException)
        {
            throw new FetchRefusedException("malformed feed (not valid JSON)");
        }
    }

    private static FeedItem? ToItem(JsonElement item, Uri feedUrl)
    {
        var url = Text(item, "url") is { } u && Uri.TryCreate(feedUrl, u, out var link) ? link : null;
        var key = Text(item, "id") ?? url?.AbsoluteUri;
        if (key is null)
        {
            return null;
        }

        var content = Text(item, "content_html") ?? (Text(item, "content_text") is { } plain
            ? string.Concat(plain.Split("\n\n").Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"))
            : null);
        return new FeedItem(key, url)
        {
            Title = Text(item, "title"),
            Published = Date(item, "date_published"),
            Updated = Date(item, "date_modified"),
            ContentHtml = content,
        };
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(v.GetString()) => v.GetString()!.Trim(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static DateTimeOffset? Date(JsonElement e, string name) =>
        Text(e, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
