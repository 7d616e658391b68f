using NewsQA.Core.Documents;

namespace NewsQA.Core.Ingest.Input.Html;

/// <summary>
/// What a web page holds for ingest: the main article's text (paragraphs apart, page chrome gone) and the metadata its
/// head declares. Every field but <see cref="Text"/> is null when the page does not say it.
/// </summary>
public sealed record HtmlPage(string Text)
{
    public string? Title { get; init; }
    public PublicationDate? PublishedAt { get; init; }
    public string? Source { get; init; }

    /// <summary>The page's canonical address (<c>link rel=canonical</c>, else <c>og:url</c>), absolute http(s).</summary>
    public string? CanonicalUrl { get; init; }
}
