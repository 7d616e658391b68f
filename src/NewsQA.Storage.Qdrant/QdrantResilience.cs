using Grpc.Core;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// The resilience pipeline around every Qdrant call, outermost first: a total timeout, jittered exponential
/// retries of transient gRPC status codes only, and a circuit breaker, so a down server costs fast failures
/// instead of timeouts. The attempt timeout is the gRPC deadline <see cref="QdrantCalls"/> gives the client.
/// </summary>
internal static class QdrantResilience
{
    public const string PipelineName = "qdrant";

    /// <summary>
    /// The status as this store treats it. Grpc.Net.Client reports a connection that broke mid-call (a Qdrant
    /// restart) as Internal with the transport's exception attached; that is an unreachable server, not a server error.
    /// </summary>
    public static StatusCode Effective(RpcException ex) =>
        ex.StatusCode == StatusCode.Internal && ex.Status.DebugException is HttpRequestException or IOException
            ? StatusCode.Unavailable
            : ex.StatusCode;

    /// <summary>Worth another attempt: the server was unreachable, too slow or overloaded. Never InvalidArgument, NotFound, AlreadyExists.</summary>
    public static bool IsTransient(RpcException ex) =>
        Effective(ex) is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted;

    /// <summary>Counts against the breaker: transient failures and the server's own errors, not rejected requests.</summary>
    public static bool IsServerFailure(RpcException ex) =>
        IsTransient(ex) || Effective(ex) is StatusCode.Internal or StatusCode.Unknown or StatusCode.Aborted;

    /// <summary>
    /// The host's telemetry (metrics, enrichers) with every Polly event logged at Debug: each attempt's log carried the
    /// exception's stack trace, and <see cref="QdrantCalls"/> already logs the outcome of each operation once.
    /// </summary>
    public static TelemetryOptions QuietTelemetry(TelemetryOptions host) => new(host)
    {
        SeverityProvider = _ => ResilienceEventSeverity.Debug,
    };

    public static void Build(ResiliencePipelineBuilder builder, QdrantStoreOptions options)
    {
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout });

        // Polly insists on at least one retry attempt, so "no retries" is expressed by leaving the strategy out.
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RpcException>(IsServerFailure),
            // Open after half the calls in a window fail.
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            BreakDuration = options.CircuitBreakDuration,
            SamplingDuration = TimeSpan.FromTicks(Math.Max(options.AttemptTimeout.Ticks * 2, TimeSpan.FromSeconds(30).Ticks)),
        });
    }
}
