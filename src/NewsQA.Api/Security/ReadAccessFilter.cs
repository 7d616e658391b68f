namespace NewsQA.Api.Security;

/// <summary>
/// The first check of every read route (<see cref="CollectionAccess.GateRead"/>), before a body is read; each route
/// then checks the collection it names with <see cref="CollectionAccess.Read"/>.
/// </summary>
internal sealed class ReadAccessFilter(CollectionAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        access.GateRead(context.HttpContext) ?? await next(context);
}
