using Microsoft.Extensions.Options;

namespace NewsQA.Api.Security;

/// <summary>
/// Guards writes: with <c>Auth:ApiKey</c> set, the request must carry it in X-Api-Key (401 without, 403 wrong);
/// without a key configured, writes are accepted from loopback only, so a fresh install is never an open write endpoint.
/// </summary>
internal sealed class WriteAccessFilter(IOptions<AuthOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = options.Value.ApiKey;
        if (string.IsNullOrEmpty(key))
        {
            return ApiKeyCheck.IsLoopback(http)
                ? await next(context)
                : TypedResults.Problem(
                    title: "Writes are disabled",
                    detail: "No Auth:ApiKey is configured, so writes are accepted from loopback only.",
                    statusCode: StatusCodes.Status403Forbidden,
                    type: ProblemTypes.Forbidden);
        }

        if (!http.Request.Headers.ContainsKey(ApiKeyCheck.Header))
        {
            return TypedResults.Problem(title: "API key required", detail: $"Send the write key in the {ApiKeyCheck.Header} header.", statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized);
        }

        return ApiKeyCheck.HasKey(http, key)
            ? await next(context)
            : TypedResults.Problem(title: "Wrong API key", detail: $"The {ApiKeyCheck.Header} header does not match.", statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden);
    }
}
