using NewsQA.Core.Configuration;
using System.ComponentModel.DataAnnotations;

namespace NewsQA.Api.Security;

/// <summary>Per-client request budget for <c>/api/*</c> (configuration section <c>RateLimit</c>).</summary>
public sealed class RateLimitOptions : ISectionOptions
{
    public static string Section => "RateLimit";

    /// <summary>Off only for trusted set-ups and load tests; health, metrics and static files are never limited.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per minute for one client IP without the API key (a widget reader).</summary>
    [Range(1, 10_000_000)]
    public int PermitsPerMinute { get; set; } = 60;

    /// <summary>Requests per minute for callers that send the configured <c>Auth:ApiKey</c> (backends, ingest jobs).</summary>
    [Range(1, 10_000_000)]
    public int KeyedPermitsPerMinute { get; set; } = 1_200;

    /// <summary>Requests held waiting for the next window instead of rejected at once.</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; set; }
}
