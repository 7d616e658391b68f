using NewsQA.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsQA.Storage.Embedded;
using NewsQA.Storage.Qdrant;

namespace NewsQA.Hosting.Selection;

/// <summary>The one place the storage backend is chosen, from <c>Store:Provider</c>.</summary>
public static class StoreSelection
{
    public const string Key = "Store:Provider";

    /// <summary>The providers <see cref="Key"/> may name (any letter case); checked at start (<see cref="StoreOptionsValidator"/>).</summary>
    public static readonly IReadOnlyList<string> Providers = ["Embedded", "Qdrant"];

    public static bool IsKnown(string provider) => Providers.Contains(provider.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The provider as configured (<see cref="StoreOptions.Provider"/>'s default when unset), as readiness and the start log name it.</summary>
    public static string ProviderName(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[Key]) ? new StoreOptions().Provider : configuration[Key]!;

    public static IServiceCollection AddNewsQaStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectionOptions<StoreOptions>();
        var provider = ProviderName(configuration);
        var component = provider.Trim().ToLowerInvariant() switch
        {
            "embedded" => Embedded(services),
            "qdrant" => Qdrant(services),
            _ => throw new InvalidOperationException($"{Key} '{provider}' is not supported; use 'Embedded' or 'Qdrant'."),
        };

        return services.GuardStoreReads(component);
    }

    /// <summary>
    /// Puts the registered store's reads under <see cref="StoreReadGuard"/>: whichever store it is, an engine error
    /// while reading maps as its writes' errors do. Public so a test can put a fake store under the same guard.
    /// </summary>
    public static IServiceCollection GuardStoreReads(this IServiceCollection services, string component)
    {
        services.TryAddSingleton<StoreReadFailures>();
        StoreReadGuard.Decorate(services, component);
        return services;
    }

    private static string Embedded(IServiceCollection services)
    {
        services.AddEmbeddedStore();
        return "embedded store";
    }

    private static string Qdrant(IServiceCollection services)
    {
        services.AddQdrantStore();
        return "Qdrant";
    }
}
