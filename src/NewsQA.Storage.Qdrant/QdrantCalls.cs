using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Storage;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// Every call the store makes to Qdrant goes through here: the official <see cref="QdrantClient"/> (gRPC, one
/// deadline per attempt) inside the resilience pipeline of <see cref="QdrantResilience"/> (total timeout, jittered
/// retries of transient status codes, circuit breaker). Whatever still fails becomes a
/// <see cref="StoreUnavailableException"/> (Component "Qdrant") keyed on the gRPC status, or, for a request Qdrant
/// rejects, an <see cref="InvalidOperationException"/>: callers never see raw transport exceptions. Messages name
/// the operation and the status, never the server's address or its error text; those go to the log.
/// </summary>
public sealed partial class QdrantCalls : IDisposable
{
    internal const string Component = "Qdrant";

    private readonly GrpcChannel channel;
    private readonly QdrantClient client;
    private readonly ResiliencePipeline pipeline;
    private readonly ILogger<QdrantCalls> logger;

    public QdrantCalls(IOptions<QdrantStoreOptions> options, ResiliencePipelineProvider<string> pipelines, ILoggerFactory loggers)
    {
        var settings = options.Value;
        var libraryLoggers = new DebugLevelLoggers(loggers);
        channel = GrpcChannel.ForAddress(settings.Url!, new GrpcChannelOptions
        {
            LoggerFactory = libraryLoggers,
            // After a refused connection the channel fails calls fast until its next reconnect attempt; gRPC's
            // default backoff grows to 120 s, which would keep a restarted Qdrant unused for up to two minutes.
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
            MaxReconnectBackoff = TimeSpan.FromSeconds(2),
        });
        CallInvoker invoker = channel.CreateCallInvoker();
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            var key = settings.ApiKey;
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add("api-key", key);
                return metadata;
            });
        }

        // QdrantClient gives every call the attempt timeout as its gRPC deadline; the pipeline retries within the total.
        client = new QdrantClient(new QdrantGrpcClient(invoker), settings.AttemptTimeout, libraryLoggers);
        pipeline = pipelines.GetPipeline(QdrantResilience.PipelineName);
        logger = loggers.CreateLogger<QdrantCalls>();
    }

    /// <summary>Runs <paramref name="call"/> (named <paramref name="operation"/> in errors) with retries, timeouts and the breaker.</summary>
    internal async Task<T> RunAsync<T>(string operation, Func<QdrantClient, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    try
                    {
                        return await call(client, token).ConfigureAwait(false);
                    }
                    catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && token.IsCancellationRequested)
                    {
                        // gRPC reports a cancelled token as status Cancelled; Polly recognises its total timeout only as an
                        // OperationCanceledException. (Not the channel's ThrowOperationCanceledOnCancellation: it would turn
                        // the attempt deadline, which must stay a retryable DeadlineExceeded, into one too.)
                        throw new OperationCanceledException(ex.Message, ex, token);
                    }
                },
                ct).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            LogFailure(logger, operation, ex.StatusCode, ex.Status.Detail);
            throw Failure(operation, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Unavailable($"Qdrant did not answer {operation} in time ({ex.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s in total, retries included).", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw Unavailable($"Qdrant failed repeatedly; calls are paused for a while (circuit open), so {operation} was not sent.", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw Unavailable($"Qdrant did not answer {operation} in time.", ex);
        }
    }

    internal Task RunAsync(string operation, Func<QdrantClient, CancellationToken, Task> call, CancellationToken ct) =>
        RunAsync<bool>(operation, async (c, token) => { await call(c, token).ConfigureAwait(false); return true; }, ct);

    public void Dispose()
    {
        client.Dispose();
        channel.Dispose();
    }

    private static Exception Failure(string operation, RpcException ex) => QdrantResilience.Effective(ex) switch
    {
        StatusCode.Unavailable => Unavailable($"Qdrant cannot be reached for {operation} (gRPC Unavailable).", ex),
        StatusCode.DeadlineExceeded => Unavailable($"Qdrant did not answer {operation} in time (gRPC DeadlineExceeded after retries).", ex),
        StatusCode.ResourceExhausted => Unavailable($"Qdrant is overloaded and refused {operation} (gRPC ResourceExhausted after retries).", ex),
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => Unavailable($"Qdrant refused {operation} (gRPC {ex.StatusCode}): check Store:Qdrant:ApiKey.", ex),
        StatusCode.NotFound => Unavailable($"Qdrant answered {operation} with NotFound: was a collection deleted? Initialization creates it.", ex),
        StatusCode.Internal or StatusCode.Unknown or StatusCode.Aborted or StatusCode.DataLoss => Unavailable($"Qdrant failed {operation} (gRPC {ex.StatusCode}).", ex),
        // InvalidArgument, AlreadyExists, FailedPrecondition, OutOfRange, Unimplemented: this client sent
        // something the server does not accept. A bug or a too-old server, not an outage.
        _ => new InvalidOperationException($"Qdrant rejected {operation} (gRPC {ex.StatusCode}): {ex.Status.Detail}", ex),
    };

    private static StoreUnavailableException Unavailable(string message, Exception inner) => new(message, inner) { Component = Component };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Qdrant call {Operation} failed with gRPC {Status}: {Detail}")]
    private static partial void LogFailure(ILogger logger, string operation, StatusCode status, string detail);
}
