using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsQA.Hosting.ModelLifecycle;

/// <summary>
/// A long-running host's background side of <see cref="ModelActivation"/>: after start-up (registered after it, so the
/// seeds are in), looks at the models folder every <c>Embeddings:WatchInterval</c> until a model is attached and the store
/// embedded; <c>Embeddings:AutoPull</c> (default on here) fetches a missing model first. Requests never wait for it.
/// </summary>
public sealed partial class ModelActivationService(ModelActivation activation, IOptions<ModelLifecycleOptions> options, ILogger<ModelActivationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var autoPull = options.Value.AutoPull ?? true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await activation.StepAsync(autoPull, stoppingToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The store went away or the model failed mid-way: the backfill resumes from its checkpoint next time.
                LogStepFailed(logger, options.Value.WatchInterval, ex.Message);
            }

            try
            {
                await Task.Delay(options.Value.WatchInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Switching to the embedding model paused, next try in {Interval}: {Reason}")]
    private static partial void LogStepFailed(ILogger logger, TimeSpan interval, string reason);
}
