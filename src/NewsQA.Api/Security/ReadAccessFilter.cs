using Microsoft.Extensions.Options;

namespace NewsQA.Api.Security;

/// <summary>Reads are open unless <c>Auth:RequireKeyForReads</c> is set; then they need the same key as writes.</summary>
internal sealed class ReadAccessFilter(IOptions<AuthOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var o = options.Value;
        if (!o.RequireKeyForReads || string.IsNullOrEmpty(o.ApiKey))
        {
            return await next(context);
        }

        return ApiKeyCheck.Refusal(context.HttpContext, o.ApiKey, "This service needs the API key for every request.") ?? await next(context);
    }
}
