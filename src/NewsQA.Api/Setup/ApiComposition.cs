using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Hosting;
using Microsoft.AspNetCore.Http.Json;
using NewsQA.Api.Requests;
using NewsQA.Api.Errors;
using NewsQA.Api.Security;
using NewsQA.Contracts;

namespace NewsQA.Api.Setup;

public static class ApiComposition
{
    /// <summary>The web layer (JSON shapes, errors, limits, access and rate limits) over NewsQA.Hosting's one composition root.</summary>
    public static WebApplicationBuilder AddNewsQaApi(this WebApplicationBuilder builder)
    {
        // Every key first: a mistake is one line naming it (Program.cs prints it and exits), not a crash later.
        ApiConfigurationRules.Check().Enforce(builder.Configuration);
        ListenAddresses.Enforce(builder.Configuration);
        var folderLock = DataFolderLock.Acquire(builder.Configuration);
        builder.Services.AddHostedService(_ => folderLock);
        var services = builder.Services;
        services.Configure<JsonOptions>(o => ContractJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemMapping.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddNewsQaOpenApi();

        services.AddSectionOptions<ApiLimitsOptions>();
        services.AddSectionOptions<AuthOptions>();
        services.AddSectionOptions<CollectionsOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.AddSingleton<CollectionAccess>();
        // `dotnet run` starts in the repo root (for ./data and ./seeds), where there is no wwwroot: the build's
        // static web assets manifest points at src/NewsQA.Api/wwwroot in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>($"{ApiLimitsOptions.Section}:MaxBodyBytes") ?? new ApiLimitsOptions().MaxBodyBytes;
            RequestTargetLimit.RaiseServerLimit(k);
        });

        services.AddNewsQa(builder.Configuration);
        services.AddNewsQaCors(builder.Configuration);
        services.AddNewsQaProxy(builder.Configuration);
        services.AddNewsQaRateLimiting();

        // On SIGTERM the server stops accepting connections and lets in-flight requests finish for this long.
        services.AddSectionOptions<HostingOptions>();
        services.AddOptions<HostOptions>().Configure<IOptions<HostingOptions>>((o, hosting) => o.ShutdownTimeout = TimeSpan.FromSeconds(hosting.Value.ShutdownTimeoutSeconds));
        // Before serving: the start-up path, logged with who may write and read; then the model in the background.
        services.AddNewsQaHostedStartup<ApiStartupLog>();
        return builder;
    }
}
