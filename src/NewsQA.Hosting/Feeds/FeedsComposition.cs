using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsQA.Core.Configuration;
using NewsQA.Hosting.Health;

namespace NewsQA.Hosting.Feeds;

public static class FeedsComposition
{
    /// <summary>The fetcher, poller and status board; <see cref="FeedService"/> is added by hosts that follow feeds in the background.</summary>
    public static IServiceCollection AddNewsQaFeeds(this IServiceCollection services)
    {
        services.AddSectionOptions<FeedOptions>();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<FeedOptions>, FeedOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PoliteFetcher>();
        services.AddSingleton<FeedPoller>();
        services.AddSingleton<FeedStatusBoard>();
        services.AddSingleton<FeedWatcher>();
        services.AddHealthChecks().AddCheck<FeedHealthCheck>(HealthChecks.Feeds, tags: [HealthChecks.Ready]);
        return services;
    }
}
