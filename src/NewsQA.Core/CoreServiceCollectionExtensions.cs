using NewsQA.Core.Configuration;
using NewsQA.Core.Answer;
using NewsQA.Core.Answer.Citations;
using NewsQA.Core.Answer.Extractive;
using NewsQA.Core.Calibration;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Diagnostics;
using NewsQA.Core.Stories;

namespace NewsQA.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline stages (analysis, chunking, retrieval, fusion, answering, citations).
    /// A store (<c>IDocumentStore</c>, <c>ILexicalIndex</c>, <c>IVectorIndex</c>, <c>IEmbeddingModelRecord</c>) and, optionally, an embedder (<c>QueryAndPassageEmbedder</c>) are registered by their own projects.
    /// </summary>
    public static IServiceCollection AddNewsQaCore(this IServiceCollection services)
    {
        services.AddSectionOptions<ChunkingOptions>();
        services.AddSectionOptions<FusionOptions>();
        services.AddSectionOptions<AnswerOptions>();
        services.AddSectionOptions<StoryOptions>();
        services.AddSectionOptions<RecencyOptions>();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ChunkingOptions>, ChunkingOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NewsQaMetrics>();
        services.TryAddSingleton<ITermAnalyzer, LuceneTermAnalyzer>();
        services.TryAddSingleton<IRankFusion, ReciprocalRankFusion>();
        services.TryAddSingleton<ScoreFusion>();
        services.TryAddSingleton<DenseAgreement>();
        services.TryAddSingleton<ExtractiveAnswerer>();
        services.TryAddSingleton<IAnswerer>(sp => sp.GetRequiredService<ExtractiveAnswerer>());
        services.TryAddSingleton<IQueryRewriter, KeyTermQueryRewriter>();
        services.TryAddSingleton<Retriever>();
        services.TryAddSingleton<CitationVerifier>();
        services.TryAddSingleton(sp => new AnswerThreshold(sp.GetRequiredService<IOptions<AnswerOptions>>()));
        services.TryAddSingleton(sp => new FusionWeights(sp.GetRequiredService<IOptions<FusionOptions>>()));
        services.TryAddSingleton<AskService>();
        services.TryAddSingleton(sp => new StoryGrouper(sp.GetService<NewsQA.Core.Storage.IStoryIndex>(), sp.GetRequiredService<IOptions<StoryOptions>>()));
        services.TryAddSingleton<IngestPipeline>();
        services.TryAddSingleton<CollectionCatalog>();
        return services;
    }
}
