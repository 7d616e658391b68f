namespace NewsQA.Api.Security;

/// <summary>
/// Guards writes before their body is read (<see cref="CollectionAccess.GateWrite"/>): with keys configured, a key
/// decides (401 without, 403 unknown); without any, a write must come from this machine and prove it is not cross-site
/// (<see cref="LocalWriteCheck"/>), so a fresh install is never an open write endpoint. Each route then checks the
/// collection it writes with <see cref="CollectionAccess.Write"/>.
/// </summary>
internal sealed class WriteAccessFilter(CollectionAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        access.GateWrite(context.HttpContext) ?? await next(context);
}
