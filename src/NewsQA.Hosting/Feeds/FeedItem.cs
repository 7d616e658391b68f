namespace NewsQA.Hosting.Feeds;

/// <summary>
/// One entry of a feed as the poller needs it: its stable key (the feed's id/guid, else its link), the page it
/// links to, and the full article when the feed carries it (RSS <c>content:encoded</c>, Atom <c>content</c>, JSON
/// Feed <c>content_html</c>/<c>content_text</c>); a summary alone is no article, so the page is fetched then.
/// </summary>
public sealed record FeedItem(string Key, Uri? Link)
{
    public string? Title { get; init; }
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the entry says it last changed; a change makes the poller read it again.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The full article as HTML, when the feed carries it.</summary>
    public string? ContentHtml { get; init; }

    /// <summary>What the poller compares to decide that an entry it has seen changed.</summary>
    public string Version => $"{Link}|{Updated?.ToUnixTimeSeconds()}|{ContentHtml?.Length}";
}
