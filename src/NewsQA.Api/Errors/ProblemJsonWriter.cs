using Microsoft.AspNetCore.Http.Json;

using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace NewsQA.Api.Errors;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever the request's Accept header says.
/// ASP.NET Core's default writer (Microsoft.AspNetCore.Http.Extensions, DefaultProblemDetailsWriter.CanWrite)
/// declines when Accept names no JSON type — <c>text/event-stream</c>, which the widget always sends — and
/// then a 429 or 413 becomes an empty 500 with two stack traces in the log. An error body a client did not
/// ask for is still better than none, and clients branch on the status and <c>type</c> anyway.
/// Registered before <c>AddProblemDetails</c>, so it is the writer the problem-details service picks first.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), jsonOptions.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}
