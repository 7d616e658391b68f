using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;

namespace NewsQA.Hosting.Feeds;

/// <summary>
/// RSS 2.0 and Atom 1.0 through System.ServiceModel.Syndication, read from an <see cref="XmlReader"/> set up here:
/// no DTDs (no entity expansion, no external entities), no resolver, a bound on characters. It parses only; fetching
/// is <see cref="PoliteFetcher"/>'s, under the safety rules. JSON Feed 1.x is read by <see cref="JsonFeedParser"/>.
/// </summary>
public static partial class FeedParser
{
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>The feed's items in the order it lists them; throws <see cref="FetchRefusedException"/> for what is no feed.</summary>
    public static IReadOnlyList<FeedItem> Parse(byte[] body, Uri feedUrl)
    {
        var start = body.AsSpan().TrimStart((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF, (byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        if (start.Length > 0 && start[0] == (byte)'{')
        {
            return JsonFeedParser.Parse(body, feedUrl);
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = body.LongLength * 4 + 1024,
            IgnoreComments = true,
        };
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            SyndicationFeedFormatter formatter = reader.LocalName == "feed" ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
            formatter.DateTimeParser = TryParseDate;
            if (!formatter.CanRead(reader))
            {
                throw new FetchRefusedException("not an RSS, Atom or JSON feed");
            }

            formatter.ReadFrom(reader);
            return formatter.Feed.Items.Select(i => ToItem(i, feedUrl)).OfType<FeedItem>().ToList();
        }
        catch (Exception ex) when (ex is XmlException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new FetchRefusedException("malformed feed (not well-formed XML, or not RSS 2.0 / Atom 1.0)");
        }
    }

    private static FeedItem? ToItem(SyndicationItem item, Uri feedUrl)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri;
        if (link is not null && !link.IsAbsoluteUri)
        {
            link = Uri.TryCreate(feedUrl, link, out var resolved) ? resolved : null;
        }

        var key = string.IsNullOrWhiteSpace(item.Id) ? link?.AbsoluteUri : item.Id.Trim();
        if (key is null)
        {
            return null;
        }

        var encoded = item.ElementExtensions.Where(e => e.OuterName == "encoded" && e.OuterNamespace == ContentModule)
            .Select(e => e.GetObject<string>()).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
        var content = encoded ?? (item.Content as TextSyndicationContent) switch
        {
            { Type: "html" or "xhtml" or "text" } text when !string.IsNullOrWhiteSpace(text.Text) => text.Type == "text" ? $"<p>{System.Net.WebUtility.HtmlEncode(text.Text)}</p>" : text.Text,
            _ => null,
        };
        return new FeedItem(key, link)
        {
            Title = item.Title?.Text,
            Published = Known(item.PublishDate),
            Updated = Known(item.LastUpdatedTime),
            ContentHtml = content,
        };
    }

    private static DateTimeOffset? Known(DateTimeOffset value) => value == default ? null : value;

    /// <summary>RFC 822 and ISO 8601 dates as feeds really write them; an unreadable one is unknown, never a failed feed.</summary>
    private static bool TryParseDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        var text = NumericZone().Replace(data.DateTimeString.Trim(), "$1:$2");
        text = text.Replace(" GMT", " +00:00", StringComparison.Ordinal).Replace(" UT", " +00:00", StringComparison.Ordinal).Replace(" Z", " +00:00", StringComparison.Ordinal);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            || DateTimeOffset.TryParseExact(text, ["ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz"], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();
}
