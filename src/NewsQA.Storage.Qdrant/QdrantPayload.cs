using NewsQA.Core.Documents;
using NewsQA.Core.Language;
using Qdrant.Client.Grpc;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// The one place where documents and chunks become Qdrant payloads and back. Dates are stored as the integer
/// yyyymmdd of the first and last day the (possibly month- or year-precise) date can mean, so a range index can
/// answer the overlap test; <c>source</c> is stored lower-cased for case-insensitive matching, the original in
/// <c>sourceName</c> for display. <c>language</c> is on documents and chunks alike (chunks for the filter); a point
/// written before languages existed has none and reads as "und" until <c>newsqa reindex</c> rewrites it.
/// </summary>
internal static class QdrantPayload
{
    public const string Kind = "kind";
    public const string DocumentKind = "document";
    public const string MetaKind = "meta";
    public const string CollectionKind = "collection";
    public const string DocumentId = "documentId";

    /// <summary>
    /// The collection of the document's key (<see cref="DocumentKey"/>), on documents and chunks, indexed as Qdrant's
    /// tenant field; absent on points written before collections, which are the default collection's.
    /// </summary>
    public const string Collection = "collection";
    public const string Source = "source";
    public const string PublishedFrom = "publishedFrom";
    public const string PublishedTo = "publishedTo";
    public const string ContentHash = "contentHash";
    public const string Language = "language";
    public const string Text = "text";

    /// <summary>The file name a document's id was derived from (<see cref="NewsDocument.FileName"/>); absent when none.</summary>
    public const string FileName = "fileName";
    public const string EmbeddingModel = "embeddingModel";

    /// <summary>The document's story (<see cref="NewsDocument.StoryId"/>); a record written before stories reads as its own.</summary>
    public const string StoryId = "storyId";

    /// <summary>The document's LSH band keys as "band:hash" keywords, so a match-any condition finds a new document's candidates.</summary>
    public const string StoryBands = "storyBands";

    /// <summary>The document's MinHash signature, base64 of its little-endian values.</summary>
    public const string StorySignature = "storySignature";
    public const string EmbeddingDimensions = "embeddingDimensions";

    public static Dictionary<string, Value> ForDocument(NewsDocument document, int chunkCount)
    {
        var payload = Common(document);
        payload[Kind] = DocumentKind;
        payload["title"] = document.Title;
        Optional(payload, "url", document.Url);
        Optional(payload, "published", document.PublishedAt?.ToString());
        Optional(payload, "sourceName", document.Source);
        payload[Text] = document.Text;
        payload["chunkCount"] = chunkCount;
        Optional(payload, FileName, document.FileName);
        payload[StoryId] = document.StoryId ?? document.Id;
        if (document.Fingerprint is { } fingerprint)
        {
            var bands = new ListValue();
            bands.Values.AddRange(fingerprint.Bands.Select(b => new Value { StringValue = BandKey(b) }));
            payload[StoryBands] = new Value { ListValue = bands };
            payload[StorySignature] = Convert.ToBase64String(fingerprint.Signature.ToBytes());
        }

        return payload;
    }

    public static Dictionary<string, Value> ForChunk(NewsDocument document, Chunk chunk)
    {
        var payload = Common(document);
        payload["chunkId"] = chunk.Id;
        payload["index"] = chunk.Index;
        payload["start"] = chunk.Span.Start;
        payload["end"] = chunk.Span.End;
        payload[Text] = chunk.Text;
        return payload;
    }

    public static Dictionary<string, Value> ForEmbeddingModel(string modelId, int dimensions) => new()
    {
        [Kind] = MetaKind,
        [EmbeddingModel] = modelId,
        [EmbeddingDimensions] = dimensions,
    };

    public static NewsDocument ToDocument(IDictionary<string, Value> p) => new(
        Get(p, DocumentId)!, Get(p, "title") ?? string.Empty, Get(p, "url"), Date(p), Get(p, "sourceName"), Get(p, Text) ?? string.Empty, Get(p, ContentHash) ?? string.Empty, LanguageOf(p)) { FileName = Get(p, FileName), StoryId = Get(p, StoryId) ?? Get(p, DocumentId) };

    public static DocumentSummary ToSummary(IDictionary<string, Value> p) =>
        new(Get(p, DocumentId)!, Get(p, "title") ?? string.Empty, Get(p, "url"), Date(p), Get(p, "sourceName"), Int(p, "chunkCount") ?? 0, LanguageOf(p)) { StoryId = Get(p, StoryId) ?? Get(p, DocumentId)! };

    public static Chunk ToChunk(IDictionary<string, Value> p) => new(
        Get(p, "chunkId")!, Get(p, DocumentId)!, Int(p, "index")!.Value, new TextSpan(Int(p, "start")!.Value, Int(p, "end")!.Value), Get(p, Text) ?? string.Empty);

    /// <summary>A band key as stored in <see cref="StoryBands"/>.</summary>
    public static string BandKey(Core.Stories.StoryBand band) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{band.Band}:{band.Hash}");

    public static string? Get(IDictionary<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var v) && v.KindCase == Value.KindOneofCase.StringValue ? v.StringValue : null;

    public static int? Int(IDictionary<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var v) && v.KindCase == Value.KindOneofCase.IntegerValue ? (int)v.IntegerValue : null;

    /// <summary>yyyymmdd as an integer: ordered like the dates, and range-indexable.</summary>
    public static int DayNumber(DateOnly day) => (day.Year * 10_000) + (day.Month * 100) + day.Day;

    /// <summary>A declared collection's record: no document, so no document id, and never matched by <see cref="QdrantFilters.Documents"/>.</summary>
    public static Dictionary<string, Value> ForCollection(string collection) =>
        new(StringComparer.Ordinal) { [Kind] = CollectionKind, [Collection] = collection };

    private static Dictionary<string, Value> Common(NewsDocument document)
    {
        var (source, published) = (document.Source, document.PublishedAt);
        var payload = new Dictionary<string, Value>(StringComparer.Ordinal) { [DocumentId] = document.Id, [Collection] = DocumentKey.CollectionOf(document.Id), [ContentHash] = document.ContentHash, [Language] = document.Language };
        if (source is not null)
        {
            payload[Source] = source.ToLowerInvariant();
        }

        // Undated documents get no date fields at all: a range condition on a missing field never matches.
        if (published is { } date)
        {
            payload[PublishedFrom] = DayNumber(date.Earliest);
            payload[PublishedTo] = DayNumber(date.Latest);
        }

        return payload;
    }

    /// <summary>Absent rather than null, as the REST store wrote them, so a missing field reads back as null either way.</summary>
    private static void Optional(Dictionary<string, Value> payload, string key, string? value)
    {
        if (value is not null)
        {
            payload[key] = value;
        }
    }

    private static string LanguageOf(IDictionary<string, Value> p) => Get(p, Language) ?? LanguageCode.Undetermined;

    private static PublicationDate? Date(IDictionary<string, Value> p) =>
        PublicationDate.TryParse(Get(p, "published"), out var date) ? date : null;
}
