using Microsoft.Extensions.Options;

namespace NewsQA.Api.Security;

/// <summary>Reads are open unless <c>Auth:RequireKeyForReads</c> is set; then they need the same key as writes.</summary>
internal sealed class ReadAccessFilter(IOptions<AuthOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var o = options.Value;
        if (!o.RequireKeyForReads || string.IsNullOrEmpty(o.ApiKey) || ApiKeyCheck.HasKey(context.HttpContext, o.ApiKey))
        {
            return await next(context);
        }

        return TypedResults.Problem(title: "API key required", detail: $"Reads need the key in the {ApiKeyCheck.Header} header.", statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized);
    }
}
