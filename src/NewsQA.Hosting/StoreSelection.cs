using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Storage.Embedded;
using NewsQA.Storage.Qdrant;

namespace NewsQA.Hosting;

/// <summary>The one place the storage backend is chosen, from <c>Store:Provider</c>.</summary>
public static class StoreSelection
{
    public static IServiceCollection AddNewsQaStore(this IServiceCollection services, IConfiguration configuration, ServiceStatus status)
    {
        var provider = configuration["Store:Provider"] ?? "Embedded";
        status.StoreProvider = provider;
        return provider.ToLowerInvariant() switch
        {
            "embedded" => services.AddEmbeddedStore(),
            "qdrant" => services.AddQdrantStore(),
            _ => throw new InvalidOperationException($"Store:Provider '{provider}' is not supported; use 'Embedded' or 'Qdrant'."),
        };
    }
}
