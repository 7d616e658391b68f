using NewsQA.Hosting;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using NewsQA.Api.Contracts;
using NewsQA.Api.Errors;
using NewsQA.Api.Security;
using NewsQA.Core;

namespace NewsQA.Api.Hosting;

public static class NewsQaServiceCollectionExtensions
{
    /// <summary>Everything the API needs: JSON shapes, errors, limits, access and rate limits, the pipeline, the store, the embedder.</summary>
    public static WebApplicationBuilder AddNewsQa(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemMapping.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();

        services.AddOptions<ApiLimitsOptions>().BindConfiguration(ApiLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        // `dotnet run` starts in the repo root (for ./data and ./seeds), where there is no wwwroot: the build's
        // static web assets manifest points at src/NewsQA.Api/wwwroot in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(k =>
            k.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>($"{ApiLimitsOptions.Section}:MaxBodyBytes") ?? new ApiLimitsOptions().MaxBodyBytes);

        var status = new ServiceStatus();
        services.AddSingleton(status);
        services.AddNewsQaCore();
        services.AddNewsQaStore(builder.Configuration, status);
        services.AddNewsQaEmbeddings(builder.Configuration, status);
        services.AddNewsQaAnswers(builder.Configuration, status);
        services.AddNewsQaCors(builder.Configuration);
        services.AddNewsQaProxy(builder.Configuration);
        services.AddNewsQaRateLimiting();

        // On SIGTERM the server stops accepting connections and lets in-flight requests finish for this long.
        var shutdownSeconds = builder.Configuration.GetValue("Hosting:ShutdownTimeoutSeconds", 30);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(shutdownSeconds));
        services.AddHostedService<StartupInitializer>();
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        // Dates and answer enums carry their own converters (Core), so the CLI's --json prints the same shapes.
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    }
}
