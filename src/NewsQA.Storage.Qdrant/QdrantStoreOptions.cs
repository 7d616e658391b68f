using NewsQA.Core.Configuration;
using System.ComponentModel.DataAnnotations;

namespace NewsQA.Storage.Qdrant;

/// <summary>Where the Qdrant server is and how long to wait for it; bound from <c>Store:Qdrant</c>.</summary>
public sealed class QdrantStoreOptions : ISectionOptions
{
    public static string Section => "Store:Qdrant";

    /// <summary>Address of Qdrant's gRPC API (<c>Store:Qdrant:Url</c>), e.g. <c>http://qdrant:6334</c>; <c>https</c> for TLS.</summary>
    [Required]
    public Uri? Url { get; set; } = new("http://localhost:6334");

    /// <summary>Sent as the <c>api-key</c> metadata of every call when set (<c>Store:Qdrant:ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Collections are named <c>{prefix}_documents</c> and <c>{prefix}_chunks</c>, so several deployments can share a server.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string CollectionPrefix { get; set; } = "newsqa";

    /// <summary>The gRPC deadline of one attempt; long enough for an upsert batch with <c>wait</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All attempts of one call together, retries and their delays included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries after a transient gRPC status (Unavailable, DeadlineExceeded, ResourceExhausted); never after a
    /// rejected request. Every call we make is idempotent (deterministic point ids), writes included.
    /// </summary>
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

    /// <summary>
    /// Shards per collection when it is created (<c>Store:Qdrant:ShardNumber</c>); in a cluster, a multiple of
    /// the node count spreads them evenly. Existing collections keep theirs.
    /// </summary>
    [Range(1, 1024)]
    public int ShardNumber { get; set; } = 1;

    /// <summary>Copies of each shard on distinct nodes (<c>Store:Qdrant:ReplicationFactor</c>); 1 on a single node.</summary>
    [Range(1, 16)]
    public int ReplicationFactor { get; set; } = 1;

    /// <summary>
    /// Replicas that must confirm a write before it succeeds (<c>Store:Qdrant:WriteConsistencyFactor</c>), at most
    /// <see cref="ReplicationFactor"/>: 1 stays writable with a node down, equal to it waits for every copy.
    /// </summary>
    [Range(1, 16)]
    public int WriteConsistencyFactor { get; set; } = 1;

    public string DocumentsCollection => CollectionPrefix + "_documents";

    public string ChunksCollection => CollectionPrefix + "_chunks";
}
