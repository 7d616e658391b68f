namespace NewsQA.Api.Setup;

/// <summary>
/// <c>HEAD</c> on any address that answers <c>GET</c> (health checks, the API's reads): uptime monitors probe with HEAD,
/// and RFC 9110 §9.3.2 has it answer as GET would, without the body. Endpoints are mapped for GET only, so the request
/// runs as a GET whose body is discarded; the server still sees HEAD and sends headers alone.
/// </summary>
internal static class HeadRequests
{
    public static IApplicationBuilder UseNewsQaHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    });
}
