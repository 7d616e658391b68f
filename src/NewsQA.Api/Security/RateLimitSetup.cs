using NewsQA.Core.Configuration;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsQA.Api.Errors;

namespace NewsQA.Api.Security;

/// <summary>
/// One fixed one-minute window per client on <c>/api/*</c>: callers with the configured API key share the
/// keyed budget, everyone else is counted by remote IP. A rejected request gets 429 problem+json with Retry-After.
/// Behind a reverse proxy every request has the proxy's IP, so configure forwarded headers there first.
/// </summary>
internal static class RateLimitSetup
{
    public static IServiceCollection AddNewsQaRateLimiting(this IServiceCollection services)
    {
        services.AddSectionOptions<RateLimitOptions>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, CollectionAccess>((o, limits, access) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, limits.Value, access));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions limits, CollectionAccess access)
    {
        if (!limits.Enabled || !http.Request.Path.StartsWithSegments("/api"))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        // Each configured key has a budget of its own, named by its digest's first bytes, never by the key.
        var key = access.Identify(http).Rights;
        var keyed = key is not null;
        var client = keyed ? "key:" + key!.Name : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "local");
        var permits = keyed ? limits.KeyedPermitsPerMinute : limits.PermitsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = limits.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.WriteProblemAsync(StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited, "Too many requests",
            $"This client's request budget (RateLimit:PermitsPerMinute) is used up; retry in {seconds} s.");
    }
}
