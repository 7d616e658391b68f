namespace NewsQA.Api.Setup;

/// <summary>Cross-origin embedding of the widget, for the origins in <c>Cors:Origins</c> only.</summary>
internal static class CorsSetup
{
    public const string Policy = "widget";

    public const string Origins = "Cors:Origins";

    public static IServiceCollection AddNewsQaCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = NewsQA.Hosting.Configuration.ConfigList.Read(configuration, Origins);
        return services.AddCors(o => o.AddPolicy(Policy, p =>
        {
            if (origins.Length > 0)
            {
                p.WithOrigins(origins).WithMethods("GET", "POST").WithHeaders("Content-Type", "Accept", "X-Api-Key");
            }
        }));
    }
}
