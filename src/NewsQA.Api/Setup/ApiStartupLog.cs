using Microsoft.Extensions.Options;
using NewsQA.Api.Security;
using NewsQA.Hosting.Startup;

namespace NewsQA.Api.Setup;

/// <summary>
/// The API's account of start-up (<see cref="NewsQaStartupService"/> runs it): what the checks found and who may
/// write and read, logged before the server accepts requests so an operator sees the set-up at once.
/// </summary>
internal sealed partial class ApiStartupLog(
    IOptions<AuthOptions> auth,
    IOptions<RateLimitOptions> rateLimit,
    ILogger<ApiStartupLog> logger) : IStartupReporter
{
    public void ChecksDone(StartupReport report)
    {
        LogMode(logger, report.StoreProvider, report.EmbeddingMessage);
        if (report.EmbedderProblem is { } problem)
        {
            LogEmbedderProblem(logger, problem);
        }

        if (report.ChunkingNotice is { } chunking)
        {
            LogChunkingNotice(logger, chunking);
        }

        LogAccess();
    }

    /// <summary>Not on the API's path (its model comes in the background), said as the model's status if it were.</summary>
    public void ModelAwaited(string message) => LogModel(logger, message);

    /// <summary>Says at start who may write and read, so an operator sees an open or loopback-only set-up at once.</summary>
    private void LogAccess()
    {
        var a = auth.Value;
        if (!a.HasKeys)
        {
            LogWritesLoopbackOnly(logger);
        }
        else
        {
            LogWritesKeyed(logger, a.Keys.Count, a.RequireKeyForReads ? "need the key too" : "are open");
        }

        var r = rateLimit.Value;
        if (r.Enabled)
        {
            LogRateLimit(logger, r.PermitsPerMinute, r.KeyedPermitsPerMinute);
        }
        else
        {
            LogRateLimitOff(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store: {Provider}. Embeddings: {EmbeddingMessage}")]
    private static partial void LogMode(ILogger logger, string provider, string embeddingMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embeddings: {EmbeddingMessage}")]
    private static partial void LogModel(ILogger logger, string embeddingMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writes are loopback-only: no Auth:ApiKey is configured, so ingest/update/delete are accepted only from this machine. Reads are open.")]
    private static partial void LogWritesLoopbackOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Writes need the X-Api-Key header (Auth:ApiKey, {ScopedKeys} scoped key(s) in Auth:Keys); reads of the public collections {ReadAccess}.")]
    private static partial void LogWritesKeyed(ILogger logger, int scopedKeys, string readAccess);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit on /api: {PermitsPerMinute}/min per client IP, {KeyedPermitsPerMinute}/min with the API key.")]
    private static partial void LogRateLimit(ILogger logger, int permitsPerMinute, int keyedPermitsPerMinute);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limiting is off (RateLimit:Enabled=false).")]
    private static partial void LogRateLimitOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedder unusable: {Problem}")]
    private static partial void LogEmbedderProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Notice}")]
    private static partial void LogChunkingNotice(ILogger logger, string notice);
}
