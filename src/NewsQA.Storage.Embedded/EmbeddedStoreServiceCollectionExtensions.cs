using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

public static class EmbeddedStoreServiceCollectionExtensions
{
    /// <summary>Registers the embedded store's four contracts, over the one file on the data directory named by <c>Data:Path</c>.</summary>
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services)
    {
        services.AddOptions<EmbeddedStoreOptions>().Configure<IConfiguration>((o, config) =>
        {
            o.DataPath = config["Data:Path"] ?? o.DataPath;
            if (int.TryParse(config["Store:Embedded:QuantizedSearchFrom"], out var from))
            {
                o.QuantizedSearchFrom = from;
            }
        });
        services.AddSingleton<EmbeddedNewsStore>();
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<EmbeddedNewsStore>().Documents);
        services.AddSingleton<ILexicalIndex>(sp => sp.GetRequiredService<EmbeddedNewsStore>().Lexical);
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<EmbeddedNewsStore>().Vectors);
        services.AddSingleton<IEmbeddingModelRecord>(sp => sp.GetRequiredService<EmbeddedNewsStore>().EmbeddingModel);
        return services;
    }
}
