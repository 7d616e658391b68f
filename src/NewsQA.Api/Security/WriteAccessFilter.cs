using Microsoft.Extensions.Options;

namespace NewsQA.Api.Security;

/// <summary>
/// Guards writes: with <c>Auth:ApiKey</c> set, the key decides (401 without, 403 wrong); without a key configured,
/// a write must come from this machine and prove it is not cross-site (<see cref="LocalWriteCheck"/>), so a fresh
/// install is never an open write endpoint, not even for a web page open in a local browser.
/// </summary>
internal sealed class WriteAccessFilter(IOptions<AuthOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = options.Value.ApiKey;
        if (string.IsNullOrEmpty(key))
        {
            return LocalWriteCheck.Refusal(http) is { } reason
                ? TypedResults.Problem(title: "Write refused", detail: reason, statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden)
                : await next(context);
        }

        return ApiKeyCheck.Refusal(http, key, "Writes need the API key.") ?? await next(context);
    }
}
