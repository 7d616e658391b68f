using Microsoft.OpenApi;
using NewsQA.Api.Security;
using Scalar.AspNetCore;

namespace NewsQA.Api.Setup;

/// <summary>
/// The OpenAPI document and the Scalar reference page. The document lists no <c>servers</c>: ASP.NET Core would
/// fill them from the request's Host header (Microsoft.AspNetCore.OpenApi, OpenApiDocumentService.GetOpenApiServers),
/// echoing whatever name a client sent; without servers, clients resolve paths against the document's own URL.
/// With <c>Auth:RequireKeyForReads</c> both need the key like every other read.
/// </summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddNewsQaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Servers = [];
            return Task.CompletedTask;
        }));

    public static WebApplication MapNewsQaOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AddEndpointFilter<IEndpointConventionBuilder, ReadAccessFilter>();
        app.MapScalarApiReference().AddEndpointFilter<IEndpointConventionBuilder, ReadAccessFilter>();
        return app;
    }
}
