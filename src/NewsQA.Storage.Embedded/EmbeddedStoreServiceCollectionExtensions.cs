using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

public static class EmbeddedStoreServiceCollectionExtensions
{
    /// <summary>Registers the embedded store on the data directory named by <c>Data:Path</c>.</summary>
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services)
    {
        services.AddSectionOptions<DataOptions>();
        services.AddSectionOptions<EmbeddedStoreOptions>()
            .Configure<IOptions<DataOptions>>((o, data) => o.DataPath = data.Value.Path);
        services.AddSingleton<EmbeddedNewsStore>();
        services.AddSingleton<INewsStore>(sp => sp.GetRequiredService<EmbeddedNewsStore>());
        return services;
    }
}
