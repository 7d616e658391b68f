using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NewsQA.Hosting.Feeds;

/// <summary>The API's background follower of <c>Feeds:Sources</c>; with none listed it does nothing, and nothing is fetched.</summary>
public sealed class FeedService(FeedWatcher watcher, IOptions<FeedOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Sources.Count == 0 ? Task.CompletedTask : watcher.RunAsync(options.Value.Sources, stoppingToken);
}
