using NewsQA.Core.Ingest.Input.Html;

namespace NewsQA.Core.Ingest.Input;

public static partial class DocumentDecoder
{
    /// <summary>
    /// A document from a web page: the article's text (<see cref="HtmlArticleReader"/>) with the title, date and source
    /// the page declares; its canonical address is the url, else <paramref name="pageUrl"/> (where it was fetched).
    /// </summary>
    public static DecodedDocument FromHtml(string html, string? id = null, string? pageUrl = null)
    {
        if (html.Contains('\0'))
        {
            return DecodedDocument.Fail("html", "The page contains NUL characters; send it as UTF-8 text.", DecodeFailure.NotText);
        }

        Uri? baseUri = pageUrl is not null && DocumentFields.IsHttpUrl(pageUrl.Trim()) ? new Uri(pageUrl.Trim()) : null;
        if (HtmlArticleReader.Read(html, baseUri) is not { } page)
        {
            return DecodedDocument.Fail("html", "The page holds no article text.");
        }

        return DecodedDocument.Ok(new DocumentInput(page.Text)
        {
            Id = id,
            Title = page.Title,
            PublishedAt = page.PublishedAt,
            Source = page.Source,
            Url = page.CanonicalUrl ?? pageUrl,
        });
    }

    /// <summary>A web page given as bytes in a strict text encoding (an upload: UTF-8 as every request body).</summary>
    public static DecodedDocument FromHtml(ReadOnlySpan<byte> bytes, string? id = null)
    {
        var (text, error) = DecodeText(bytes);
        return text is null ? DecodedDocument.Fail("html", error!, DecodeFailure.NotText) : FromHtml(text, id);
    }

    /// <summary>The JSON record's <c>html</c>, with the record's own fields winning over what the page declares.</summary>
    private static DecodedDocument FromJsonHtml(Dictionary<string, string?> fields, Documents.PublicationDate? published)
    {
        var page = FromHtml(fields["html"]!, fields.GetValueOrDefault("id"), fields.GetValueOrDefault("url"));
        if (page.Input is not { } input)
        {
            return page;
        }

        return DecodedDocument.Ok(input with
        {
            Title = fields.GetValueOrDefault("title") ?? input.Title,
            Source = fields.GetValueOrDefault("source") ?? input.Source,
            PublishedAt = published ?? input.PublishedAt,
            Language = fields.GetValueOrDefault("language"),
            Collection = fields.GetValueOrDefault("collection"),
        });
    }
}
