namespace NewsQA.Api;

/// <summary>Stable problem <c>type</c> URIs: clients branch on these, never on the human-readable detail.</summary>
public static class ProblemTypes
{
    private const string Base = "https://newsqa.dev/problems/";
    public const string Validation = Base + "validation";
    public const string MalformedJson = Base + "malformed-json";
    public const string NotFound = Base + "not-found";
    public const string Conflict = Base + "conflict";
    public const string TooLarge = Base + "too-large";
    public const string UriTooLong = Base + "uri-too-long";
    public const string RequestTimeout = Base + "request-timeout";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string NotText = Base + "not-text";
    public const string StoreUnavailable = Base + "store-unavailable";
    public const string EmbedderUnavailable = Base + "embedder-unavailable";
    public const string ModelMismatch = Base + "embedding-model-mismatch";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string RateLimited = Base + "rate-limited";
    public const string Internal = Base + "internal";
}
