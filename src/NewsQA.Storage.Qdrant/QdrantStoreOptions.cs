using System.ComponentModel.DataAnnotations;

namespace NewsQA.Storage.Qdrant;

/// <summary>Where the Qdrant server is and how long to wait for it; bound from <c>Store:Qdrant</c>.</summary>
public sealed class QdrantStoreOptions
{
    public const string Section = "Store:Qdrant";

    /// <summary>Base address of Qdrant's REST API (<c>Store:Qdrant:Url</c>), e.g. <c>http://qdrant:6333</c>.</summary>
    [Required]
    public Uri? Url { get; set; } = new("http://localhost:6333");

    /// <summary>Sent as the <c>api-key</c> header when set (<c>Store:Qdrant:ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Collections are named <c>{prefix}_documents</c> and <c>{prefix}_chunks</c>, so several deployments can share a server.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string CollectionPrefix { get; set; } = "newsqa";

    /// <summary>One HTTP attempt; long enough for an upsert batch with <c>wait=true</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All attempts of one call together, retries and their delays included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 5xx, 408, 429, timeout or connection failure (every request we send is idempotent).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base of the exponential, jittered backoff between retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long an open circuit fails calls fast before letting one probe through.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Points per upsert request: large enough to amortise round trips, small enough for Qdrant's 32 MiB body limit.</summary>
    [Range(1, 10_000)]
    public int UpsertBatchSize { get; set; } = 128;

    public string DocumentsCollection => CollectionPrefix + "_documents";

    public string ChunksCollection => CollectionPrefix + "_chunks";
}
