using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using NewsQA.Core.Embedding;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Storage;

namespace NewsQA.Api.Errors;

/// <summary>
/// The one place exceptions become problem details. Expected failures keep their (client-safe) message;
/// anything unexpected becomes a bare 500 with a trace id — never a message or stack trace.
/// </summary>
internal static class ProblemMapping
{
    public static ProblemDetails ToProblem(Exception exception, HttpContext http)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => Problem(400, ProblemTypes.MalformedJson, "Malformed JSON", $"The request body is not valid JSON for this endpoint: {json.Message}"),
            BadHttpRequestException { StatusCode: 413 } => Problem(413, ProblemTypes.TooLarge, "Request body too large", "The request body exceeds the configured limit (Limits:MaxBodyBytes)."),
            BadHttpRequestException bad => Problem(bad.StatusCode, ProblemTypes.Validation, "Bad request", bad.Message),
            DocumentRejectedException rejected => Problem(400, ProblemTypes.Validation, "Document rejected", rejected.Message),
            EmbeddingModelMismatchException mismatch => Problem(503, ProblemTypes.ModelMismatch, "Embedding model mismatch", mismatch.Message),
            // The message names operations and status codes for the log; the client learns only which part failed.
            StoreUnavailableException store => Problem(503, ProblemTypes.StoreUnavailable, $"{Capitalize(store.Component)} unavailable", $"The {store.Component} cannot be used right now. Retrying the request is safe."),
            EmbedderUnavailableException embedder => Problem(503, ProblemTypes.EmbedderUnavailable, "Embedding model unavailable", embedder.Message),
            _ => Problem(500, ProblemTypes.Internal, "Internal error", "The server failed to handle the request; the trace id identifies it in the logs."),
        };
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        return problem;
    }

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
                413 => (ProblemTypes.TooLarge, "The request body exceeds the configured limit (Limits:MaxBodyBytes)."),
                415 => (ProblemTypes.UnsupportedMediaType, "Send this endpoint application/json."),
                429 => (ProblemTypes.RateLimited, "Too many requests."),
                _ => (problem.Type, null),
            };
            problem.Detail ??= detail;
        }

        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
    }

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
