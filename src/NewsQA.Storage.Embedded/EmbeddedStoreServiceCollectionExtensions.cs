using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

public static class EmbeddedStoreServiceCollectionExtensions
{
    /// <summary>Registers the embedded store's four contracts, over the one file on the data directory named by <c>Data:Path</c>.</summary>
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services)
    {
        services.AddSectionOptions<DataOptions>();
        services.AddSectionOptions<EmbeddedStoreOptions>()
            .Configure<IOptions<DataOptions>>((o, data) => o.DataPath = data.Value.Path);
        services.TryAddSingleton<ITermAnalyzer, LuceneTermAnalyzer>();
        services.AddSingleton<EmbeddedNewsStore>();
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<EmbeddedNewsStore>().Documents);
        services.AddSingleton<ILexicalIndex>(sp => sp.GetRequiredService<EmbeddedNewsStore>().Lexical);
        services.AddSingleton(sp => (IRebuildableLexicalIndex)sp.GetRequiredService<EmbeddedNewsStore>().Lexical);
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<EmbeddedNewsStore>().Vectors);
        services.AddSingleton<IEmbeddingModelRecord>(sp => sp.GetRequiredService<EmbeddedNewsStore>().EmbeddingModel);
        services.AddSingleton<ICollectionRegistry>(sp => sp.GetRequiredService<EmbeddedNewsStore>().Collections);
        services.AddSingleton(sp => sp.GetRequiredService<EmbeddedNewsStore>().FileCheck);
        services.AddSingleton(sp => sp.GetRequiredService<EmbeddedNewsStore>().Stories);
        return services;
    }
}
