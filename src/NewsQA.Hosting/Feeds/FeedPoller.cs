using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NewsQA.Core.Documents;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Ingest.Input.Html;
using NewsQA.Core.Storage;

namespace NewsQA.Hosting.Feeds;

/// <summary>
/// One poll of one feed: a conditional GET of the feed; for each item not seen in this version, its full content
/// when the feed carries it, else its page (<see cref="PoliteFetcher"/>), ingested as a web page
/// (<see cref="DocumentDecoder.FromHtml(string, string?, string?)"/>) under the item's stable id
/// (<see cref="FeedDocumentId"/>). A feed that failed throws <see cref="FetchRefusedException"/>; an item that fails is
/// counted and retried on a later poll, up to <see cref="FeedMemory.ItemAttempts"/> times.
/// </summary>
public sealed partial class FeedPoller(PoliteFetcher fetcher, IngestPipeline pipeline, IDocumentStore store, ILogger<FeedPoller> logger)
{
    private const string FeedTypes = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";
    private const string PageTypes = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

    private readonly ConcurrentDictionary<string, FeedMemory> memories = new(StringComparer.Ordinal);

    public Task<PollOutcome> PollAsync(Uri feedUrl, CancellationToken ct) => PollAsync(feedUrl, DocumentKey.DefaultCollection, ct);

    /// <summary>One poll whose new items go into <paramref name="collection"/> (a feed followed into two collections is two feeds).</summary>
    public async Task<PollOutcome> PollAsync(Uri feedUrl, string collection, CancellationToken ct)
    {
        var memory = memories.GetOrAdd(collection + " " + feedUrl.AbsoluteUri, _ => new FeedMemory());
        await memory.Lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var response = await fetcher.GetAsync(feedUrl, memory.Validators, FeedTypes, ct).ConfigureAwait(false);
            if (response.NotModified)
            {
                return new PollOutcome(0, 0, NotModified: true);
            }

            var items = FeedParser.Parse(response.Body, response.FinalUrl);
            memory.Validators = response.Validators;
            int ingested = 0, refused = 0;
            foreach (var item in items.DistinctBy(i => i.Key))
            {
                switch (await HandleAsync(feedUrl, collection, item, memory, ct).ConfigureAwait(false))
                {
                    case true: ingested++; break;
                    case false: refused++; break;
                }
            }

            return new PollOutcome(ingested, refused, NotModified: false);
        }
        finally
        {
            memory.Lock.Release();
        }
    }

    /// <summary>True: ingested; false: refused for good; null: nothing to do, or to be tried again.</summary>
    private async Task<bool?> HandleAsync(Uri feedUrl, string collection, FeedItem item, FeedMemory memory, CancellationToken ct)
    {
        var id = FeedDocumentId.Of(item.Key);
        if (memory.Seen.TryGetValue(item.Key, out var seen))
        {
            if (seen == item.Version)
            {
                return null;
            }
        }
        else if (await store.GetContentHashAsync(DocumentKey.Of(collection, id), ct).ConfigureAwait(false) is not null)
        {
            // Stored by an earlier run of the process: the feed's memory is gone, the document is not.
            memory.Seen[item.Key] = item.Version;
            return null;
        }

        try
        {
            var input = await ReadAsync(item, id, ct).ConfigureAwait(false);
            await pipeline.IngestAsync(input with { Collection = collection }, ct).ConfigureAwait(false);
            memory.Seen[item.Key] = item.Version;
            memory.Failures.Remove(item.Key);
            return true;
        }
        catch (Exception ex) when (ex is FetchRefusedException or DocumentRejectedException)
        {
            var attempts = memory.Failures[item.Key] = memory.Failures.GetValueOrDefault(item.Key) + 1;
            if (ex is DocumentRejectedException || attempts >= FeedMemory.ItemAttempts)
            {
                memory.Seen[item.Key] = item.Version;
                memory.Failures.Remove(item.Key);
                LogItemRefused(logger, FeedStatus.Display(feedUrl), item.Link?.AbsoluteUri ?? item.Key, ex.Message);
                return false;
            }

            return null;
        }
    }

    private async Task<DocumentInput> ReadAsync(FeedItem item, string id, CancellationToken ct)
    {
        DecodedDocument decoded;
        if (item.ContentHtml is { } content)
        {
            decoded = DocumentDecoder.FromHtml(content, id, item.Link?.AbsoluteUri);
        }
        else if (item.Link is { } link)
        {
            var page = await fetcher.GetAsync(link, null, PageTypes, ct).ConfigureAwait(false);
            if (page.MediaType is { } type && type is not ("text/html" or "application/xhtml+xml"))
            {
                throw new FetchRefusedException($"the item's page is {type}, not a web page");
            }

            decoded = DocumentDecoder.FromHtml(HtmlDecoding.Decode(page.Body, page.Charset), id, page.FinalUrl.AbsoluteUri);
        }
        else
        {
            throw new FetchRefusedException("the item has neither content nor a link");
        }

        if (decoded.Input is not { } input)
        {
            throw new DocumentRejectedException(decoded.Field, decoded.Error ?? "the page holds no article text");
        }

        // The feed's own title and date stand in where the page declares none (a feed's content is a fragment).
        return input with
        {
            Title = input.Title ?? item.Title,
            PublishedAt = input.PublishedAt ?? (item.Published is { } p ? PublicationDate.Of(DateOnly.FromDateTime(p.DateTime)) : null),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: item {Item} refused: {Reason}")]
    private static partial void LogItemRefused(ILogger logger, string feed, string item, string reason);
}
