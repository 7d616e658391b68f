using Microsoft.Extensions.Options;
using NewsQA.Api.Requests;
using NewsQA.Api.Errors;

namespace NewsQA.Api.Setup;

/// <summary>
/// Answers 413 problem+json before any endpoint reads a body whose declared length is over
/// <c>Limits:MaxBodyBytes</c>, for JSON, text and multipart alike. Bodies without a length (chunked)
/// are cut off by the server's own limit while they are read.
/// </summary>
internal static class RequestBodyLimit
{
    public static IApplicationBuilder UseNewsQaBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var max = http.RequestServices.GetRequiredService<IOptions<ApiLimitsOptions>>().Value.MaxBodyBytes;
            if (http.Request.ContentLength > max)
            {
                http.Response.Headers.Connection = "close";
                await http.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, ProblemTypes.TooLarge, "Request body too large",
                    $"The body exceeds the limit of {max} bytes (Limits:MaxBodyBytes).");
                return;
            }

            await next(http);
        });
}
