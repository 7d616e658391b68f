using Microsoft.AspNetCore.Mvc;

namespace NewsQA.Api.Errors;

/// <summary>
/// The one way middleware that answers before any endpoint (body and URL limits, charset, rate limit) writes its
/// problem: status on the response, then the problem-details service, so every such answer goes through
/// <see cref="ProblemJsonWriter"/> like the endpoints' problems do.
/// </summary>
internal static class ProblemResponse
{
    public static Task WriteProblemAsync(this HttpContext http, int status, string type, string title, string detail)
    {
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        }).AsTask();
    }
}
