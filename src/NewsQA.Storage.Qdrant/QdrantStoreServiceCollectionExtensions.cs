using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NewsQA.Core.Fusion;
using NewsQA.Core.Storage;
using Polly;

namespace NewsQA.Storage.Qdrant;

public static class QdrantStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="QdrantNewsStore"/> as the <see cref="INewsStore"/> (and <see cref="IServerSideHybridSearch"/>),
    /// talking to the server named by <c>Store:Qdrant:Url</c> through a resilient typed <see cref="HttpClient"/>.
    /// </summary>
    public static IServiceCollection AddQdrantStore(this IServiceCollection services)
    {
        services.AddFusionOptions();
        services.AddOptions<QdrantStoreOptions>().BindConfiguration(QdrantStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<QdrantStoreOptions>, QdrantStoreOptionsValidator>();

        services.AddHttpClient<QdrantRestClient>((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<QdrantStoreOptions>>().Value;
                client.BaseAddress = options.Url;
                // The resilience pipeline owns every timeout; HttpClient's own 100 s would only mask it.
                client.Timeout = Timeout.InfiniteTimeSpan;
                if (!string.IsNullOrEmpty(options.ApiKey))
                {
                    client.DefaultRequestHeaders.Add("api-key", options.ApiKey);
                }
            })
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) => Configure(resilience, sp.GetRequiredService<IOptions<QdrantStoreOptions>>().Value));

        services.AddSingleton<QdrantNewsStore>();
        services.AddSingleton<INewsStore>(sp => sp.GetRequiredService<QdrantNewsStore>());
        services.AddSingleton<IServerSideHybridSearch>(sp => sp.GetRequiredService<QdrantNewsStore>());
        return services;
    }

    private static void Configure(HttpStandardResilienceOptions resilience, QdrantStoreOptions options)
    {
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;

        // The standard handler already retries 5xx, 408, 429, HttpRequestException and attempt timeouts;
        // all our requests are idempotent (deterministic point ids), so POSTs and PUTs may be retried too.
        // Polly insists on at least one attempt, so "no retries" is expressed by never handling.
        resilience.Retry.MaxRetryAttempts = Math.Max(options.MaxRetries, 1);
        resilience.Retry.ShouldHandle = options.MaxRetries == 0 ? _ => PredicateResult.False() : resilience.Retry.ShouldHandle;
        resilience.Retry.Delay = options.RetryDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;

        // Open after half the calls in a window fail, so a down server costs fast failures, not timeouts.
        resilience.CircuitBreaker.FailureRatio = 0.5;
        resilience.CircuitBreaker.MinimumThroughput = 10;
        resilience.CircuitBreaker.BreakDuration = options.CircuitBreakDuration;
        // Polly requires the sampling window to be at least twice the attempt timeout.
        resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(options.AttemptTimeout.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
    }
}
