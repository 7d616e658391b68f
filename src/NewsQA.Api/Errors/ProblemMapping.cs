using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Storage;

namespace NewsQA.Api.Errors;

/// <summary>
/// The one place exceptions become problem details, for JSON answers and the SSE <c>error</c> event alike.
/// A reader gets a plain sentence and the request id; what failed inside (file paths, SQLite or Qdrant messages,
/// URLs, .NET type names) goes to the log under the same id, once, without a stack trace unless it is a bug.
/// </summary>
internal static partial class ProblemMapping
{
    public static ProblemDetails ToProblem(Exception exception, HttpContext http, ILogger logger)
    {
        var id = RequestId(http);
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json, http),
            BadHttpRequestException { StatusCode: 413 } => Problem(413, ProblemTypes.TooLarge, "Request body too large", "The request body exceeds the configured limit (Limits:MaxBodyBytes)."),
            BadHttpRequestException { StatusCode: 415 } => Problem(415, ProblemTypes.UnsupportedMediaType, "Unsupported media type", "Send this endpoint application/json (UTF-8)."),
            BadHttpRequestException { StatusCode: 408 } => Problem(408, ProblemTypes.RequestTimeout, "Request timeout", RequestTimeoutDetail),
            BadHttpRequestException bad => Problem(bad.StatusCode, ProblemTypes.Validation, "Bad request", "The request is malformed."),
            DocumentRejectedException { IsConflict: true } taken => Problem(409, ProblemTypes.Conflict, "Document id taken", taken.Message),
            DocumentRejectedException rejected => Problem(400, ProblemTypes.Validation, "Document rejected", rejected.Message),
            EmbeddingModelMismatchException => Problem(503, ProblemTypes.ModelMismatch, "Search index needs rebuilding",
                $"The search index was built with another embedding model and must be rebuilt by the operator. Request id: {id}."),
            StoreUnavailableException store => Problem(503, ProblemTypes.StoreUnavailable, $"{store.ComponentSubject} unavailable",
                $"The article store cannot be reached right now; please try again in a moment. Request id: {id}."),
            EmbedderUnavailableException embedder => Problem(503, ProblemTypes.EmbedderUnavailable, "Embedding model unavailable",
                $"{embedder.ReaderMessage ?? "Dense search needs the embedding model, which is not available right now; search with mode 'lexical' or 'hybrid'."} Request id: {id}."),
            _ => Problem(500, ProblemTypes.Internal, "Internal error", $"The server failed to handle the request. Request id: {id}."),
        };

        switch (exception)
        {
            case StoreUnavailableException store:
                LogUnavailable(logger, id, store.Component, store.Message);
                break;
            case EmbedderUnavailableException or EmbeddingModelMismatchException:
                LogUnavailable(logger, id, "embedder", exception.Message);
                break;
            case BadHttpRequestException or DocumentRejectedException:
                break;
            default:
                // Only a bug earns a stack trace.
                LogInternal(logger, exception, id);
                break;
        }

        problem.Extensions["traceId"] = id;
        return problem;
    }

    /// <summary>Kestrel's minimum body data rate cut the request: the same words whichever endpoint was reading.</summary>
    private const string RequestTimeoutDetail = "The request body arrived too slowly and the server stopped waiting for it; send it again at a steady rate.";

    /// <summary>The id a reader can quote: the W3C trace id the log lines of this request carry.</summary>
    public static string RequestId(HttpContext http) => Activity.Current?.Id ?? http.TraceIdentifier;

    /// <summary>
    /// Gives the framework's own problems (status code pages: 404 no route, 405, 413 from the server's body limit,
    /// 415 wrong content type) our stable <c>type</c> and a trace id, like every other problem.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            (problem.Type, var detail) = problem.Status switch
            {
                400 => (ProblemTypes.Validation, "The request is malformed."),
                404 => (ProblemTypes.NotFound, "There is nothing at this address."),
                405 => (ProblemTypes.Validation, "This address does not accept that method."),
                408 => (ProblemTypes.RequestTimeout, RequestTimeoutDetail),
                413 => (ProblemTypes.TooLarge, "The request body exceeds the configured limit (Limits:MaxBodyBytes)."),
                414 => (ProblemTypes.Validation, "The request address is too long."),
                415 => (ProblemTypes.UnsupportedMediaType, "Send this endpoint application/json."),
                429 => (ProblemTypes.RateLimited, "Too many requests."),
                _ => (problem.Type, null),
            };
            problem.Detail ??= detail;
        }

        problem.Extensions.TryAdd("traceId", RequestId(context.HttpContext));
    }

    /// <summary>
    /// A body that is not JSON is <c>malformed-json</c>; JSON with a value of the wrong type is a validation
    /// problem under the JSON field (<c>top</c>, <c>filter.sources[0]</c>) saying what the field takes.
    /// </summary>
    private static ProblemDetails JsonProblem(JsonException json, HttpContext http)
    {
        // System.Text.Json rethrows a reader (syntax) error as a JsonException wrapping the reader's own.
        if (json.InnerException is JsonException || json.Path is null or "$")
        {
            var where = json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})" : string.Empty;
            return Problem(400, ProblemTypes.MalformedJson, "Malformed JSON", $"The request body is not a valid JSON object{where}.");
        }

        var field = json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path.TrimStart('$');
        // The exception handler clears the endpoint before it runs; its feature keeps the one that failed.
        var endpoint = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var expected = requestType is null ? null : JsonFieldTypes.Describe(requestType, field, http);
        var message = JsonText.IsLoneSurrogate(json) ? JsonText.LoneSurrogate(field)
            : expected is null ? $"'{field}' has a value of the wrong type." : $"'{field}' must be {expected}.";
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [message],
        })
        {
            Status = 400,
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid",
        };
        return problem;
    }

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} answered 503: {Component} unavailable: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string requestId, string component, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestId} failed")]
    private static partial void LogInternal(ILogger logger, Exception exception, string requestId);
}
